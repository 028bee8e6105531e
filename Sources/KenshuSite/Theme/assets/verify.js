// 修了証の確認: checks a certificate number and verification code against the salted SHA-256
// digests in verify/certificates.js (no names, numbers or codes are published), and shows
// valid, revoked or invalid in #verify-result (data-result). SHA-256 is computed here rather
// than with crypto.subtle, which pages opened from file:// or plain http do not get.
(function () {
  "use strict";
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function utf8(text) {
    return Array.prototype.slice.call(new TextEncoder().encode(text));
  }

  function sha256Hex(text) {
    var bytes = utf8(text);
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    var high = Math.floor(bitLength / 0x100000000);
    var low = bitLength >>> 0;
    bytes.push((high >>> 24) & 255, (high >>> 16) & 255, (high >>> 8) & 255, high & 255);
    bytes.push((low >>> 24) & 255, (low >>> 16) & 255, (low >>> 8) & 255, low & 255);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    for (var offset = 0; offset < bytes.length; offset += 64) {
      for (var i = 0; i < 16; i++) {
        var j = offset + i * 4;
        w[i] = ((bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3]) >>> 0;
      }
      for (i = 16; i < 64; i++) {
        var a = w[i - 15], b = w[i - 2];
        var s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        var s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var v = h.slice();
      for (i = 0; i < 64; i++) {
        var e = v[4];
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & v[5]) ^ (~e & v[6]);
        var t1 = (v[7] + S1 + ch + K[i] + w[i]) >>> 0;
        var x = v[0];
        var S0 = ((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10));
        var maj = (x & v[1]) ^ (x & v[2]) ^ (v[1] & v[2]);
        var t2 = (S0 + maj) >>> 0;
        v = [(t1 + t2) >>> 0, v[0], v[1], v[2], (v[3] + t1) >>> 0, v[4], v[5], v[6]];
      }
      for (i = 0; i < 8; i++) h[i] = (h[i] + v[i]) >>> 0;
    }
    return h.map(function (word) { return ("00000000" + word.toString(16)).slice(-8); }).join("");
  }

  // The same canonical forms as VerificationCode in Kenshu (KenshuModel/Certificates).
  function canonicalCode(text) {
    var upper = text.normalize("NFKC").toUpperCase();
    var out = "";
    for (var i = 0; i < upper.length; i++) {
      var c = upper.charAt(i);
      if (c === " " || c === "-" || c === "\u3000") continue;
      out += c === "O" ? "0" : (c === "I" || c === "L") ? "1" : c;
    }
    return out;
  }

  function digest(salt, number, code) {
    return sha256Hex("kenshu-certificate-v1\n" + salt + "\n" + number.normalize("NFKC").trim() + "\n" +
      canonicalCode(code));
  }

  function find(number, code) {
    var lists = window.KenshuCertificates || [];
    for (var l = 0; l < lists.length; l++) {
      var list = lists[l];
      var wanted = digest(list.salt, number, code);
      for (var e = 0; e < list.entries.length; e++) {
        if (list.entries[e].digest === wanted) return { list: list, entry: list.entries[e] };
      }
    }
    return null;
  }

  function line(parent, label, value) {
    var dt = document.createElement("dt");
    dt.textContent = label;
    var dd = document.createElement("dd");
    dd.textContent = value;
    parent.appendChild(dt);
    parent.appendChild(dd);
  }

  function show(result, number, code) {
    var found = find(number, code);
    var status = found ? (found.entry.status === "revoked" ? "revoked" : "valid") : "invalid";
    result.textContent = "";
    result.setAttribute("data-result", status);
    var message = document.createElement("p");
    message.className = "verify-message";
    message.textContent = result.getAttribute("data-" + status);
    result.appendChild(message);
    if (found) {
      var details = document.createElement("dl");
      line(details, result.getAttribute("data-programme-label"), found.list.programmeTitle + " — " + found.entry.title);
      if (found.entry.dates) line(details, result.getAttribute("data-dates-label"), found.entry.dates);
      line(details, result.getAttribute("data-issued-label"), found.entry.issued);
      result.appendChild(details);
    }
  }

  function start() {
    var result = document.getElementById("verify-result");
    if (!result) return;
    var numberField = document.getElementById("verify-number");
    var codeField = document.getElementById("verify-code");
    // A typed number and code are checked here, never put in the address bar (history, host logs).
    var form = numberField && numberField.form;
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        show(result, numberField.value, codeField.value);
      });
    }
    // The certificate's QR code opens ?n=NUMBER&c=CODE (or #n=…&c=…): read it, then take it out
    // of the address bar at once, so the code is not kept in the history or a shared link.
    var params = new URLSearchParams(window.location.search);
    var hash = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var number = params.get("n") !== null ? params.get("n") : hash.get("n");
    var code = params.get("c") !== null ? params.get("c") : hash.get("c");
    if (number === null || code === null) return;
    try { window.history.replaceState(window.history.state, "", window.location.pathname); } catch (e) { /* file:// in some browsers */ }
    numberField.value = number;
    codeField.value = code;
    show(result, number, code);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
