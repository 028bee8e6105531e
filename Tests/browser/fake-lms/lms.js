/* A fake SCORM 1.2 LMS: window.API records every call as [name, ...arguments, result] in
   window.calls and keeps the data model in window.cmi. Loaded before the SCO frame.
   lms.html?learner=ID&course=ID is that learner's registration in that course: the data model
   starts as the LMS stored it at the last LMSCommit (in this origin's localStorage under
   "fake-lms:COURSE:LEARNER", standing in for the LMS database), with cmi.core.student_id set. */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var learner = params.get("learner") || "learner-1";
  var course = params.get("course") || "course-1";
  var storeKey = "fake-lms:" + course + ":" + learner;
  var saved = null;
  try { saved = JSON.parse(window.localStorage.getItem(storeKey) || "null"); } catch (e) { saved = null; }
  window.calls = [];
  window.cmi = saved || { "cmi.core.lesson_status": "not attempted", "cmi.suspend_data": "" };
  window.cmi["cmi.core.student_id"] = learner;
  window.cmi["cmi.core.student_name"] = "Learner, " + learner;
  var open = false;
  function record(name, args, result) {
    window.calls.push([name].concat(Array.prototype.slice.call(args)).concat([result]));
    return result;
  }
  function store() { window.localStorage.setItem(storeKey, JSON.stringify(window.cmi)); }
  window.API = {
    LMSInitialize: function () { open = true; return record("LMSInitialize", arguments, "true"); },
    LMSFinish: function () { if (open) store(); open = false; return record("LMSFinish", arguments, "true"); },
    LMSGetValue: function (key) { return record("LMSGetValue", arguments, open ? (window.cmi[key] || "") : ""); },
    LMSSetValue: function (key, value) {
      if (open) window.cmi[key] = value;
      return record("LMSSetValue", arguments, open ? "true" : "false");
    },
    LMSCommit: function () { if (open) store(); return record("LMSCommit", arguments, open ? "true" : "false"); },
    LMSGetLastError: function () { return record("LMSGetLastError", arguments, "0"); },
    LMSGetErrorString: function () { return record("LMSGetErrorString", arguments, ""); },
    LMSGetDiagnostic: function () { return record("LMSGetDiagnostic", arguments, ""); }
  };
})();
