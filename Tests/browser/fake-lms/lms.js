/* A fake SCORM 1.2 LMS: window.API records every call as [name, ...arguments, result] in
   window.calls and keeps the data model in window.cmi. Loaded before the SCO frame. */
(function () {
  "use strict";
  window.calls = [];
  window.cmi = { "cmi.core.lesson_status": "not attempted", "cmi.suspend_data": "" };
  var open = false;
  function record(name, args, result) {
    window.calls.push([name].concat(Array.prototype.slice.call(args)).concat([result]));
    return result;
  }
  window.API = {
    LMSInitialize: function () { open = true; return record("LMSInitialize", arguments, "true"); },
    LMSFinish: function () { open = false; return record("LMSFinish", arguments, "true"); },
    LMSGetValue: function (key) { return record("LMSGetValue", arguments, open ? (window.cmi[key] || "") : ""); },
    LMSSetValue: function (key, value) {
      if (open) window.cmi[key] = value;
      return record("LMSSetValue", arguments, open ? "true" : "false");
    },
    LMSCommit: function () { return record("LMSCommit", arguments, open ? "true" : "false"); },
    LMSGetLastError: function () { return record("LMSGetLastError", arguments, "0"); },
    LMSGetErrorString: function () { return record("LMSGetErrorString", arguments, ""); },
    LMSGetDiagnostic: function () { return record("LMSGetDiagnostic", arguments, ""); }
  };
})();
