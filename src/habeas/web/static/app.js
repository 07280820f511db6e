// Habeas: small progressive enhancements. Everything works without this file.
(function () {
  "use strict";

  // ---- Upload: drag and drop, several files, per-file progress and result.
  function uploadOne(file, form, list) {
    var item = document.createElement("li");
    item.textContent = file.name + " ";
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0; bar.setAttribute("aria-label", "Uploading " + file.name);
    item.appendChild(bar);
    list.appendChild(item);
    var data = new FormData();
    data.append("files", file, file.name);
    ["country", "kind", "published"].forEach(function (name) {
      var el = form.elements[name];
      if (el && el.value) data.append(name, el.value);
    });
    if (form.elements.confidential && form.elements.confidential.checked) data.append("confidential", "true");
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/v1/documents");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
      xhr.onload = function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (err) { body = { message: xhr.statusText }; }
        var r = (body.results && body.results[0]) || { status: "failed", message: body.message || "upload failed" };
        item.className = "result result-" + r.status;
        item.textContent = "";
        var name = document.createElement("strong"); name.textContent = file.name; item.appendChild(name);
        item.appendChild(document.createTextNode(": " + r.status));
        if (r.document_id && r.status !== "failed") {
          item.appendChild(document.createTextNode(" — "));
          var a = document.createElement("a"); a.href = "/documents/" + r.document_id;
          a.textContent = r.title || "open document"; item.appendChild(a);
          item.appendChild(document.createTextNode(", " + r.facts + " facts"));
        }
        if (r.message) item.appendChild(document.createTextNode(" — " + r.message));
        resolve(r);
      };
      xhr.onerror = function () { item.className = "result result-failed"; item.textContent = file.name + ": network error"; resolve(null); };
      xhr.send(data);
    });
  }

  function setupUpload() {
    var form = document.getElementById("upload-form");
    if (!form) return;
    var zone = document.getElementById("dropzone"), input = document.getElementById("upload-files");
    var list = document.getElementById("upload-results");
    function send(files) {
      var chain = Promise.resolve();
      Array.prototype.forEach.call(files, function (f) { chain = chain.then(function () { return uploadOne(f, form, list); }); });
      return chain;
    }
    input.addEventListener("change", function () { send(input.files).then(function () { input.value = ""; }); });
    ["dragenter", "dragover"].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("dragover"); }); });
    ["dragleave", "drop"].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove("dragover"); }); });
    zone.addEventListener("drop", function (e) { if (e.dataTransfer && e.dataTransfer.files.length) send(e.dataTransfer.files); });
    form.addEventListener("submit", function (e) { e.preventDefault(); send(input.files); });
  }

  // ---- Review queue: a accept, e correct, r reject, j/k next/previous, Esc cancels a correction.
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function openCorrection(open) {
    var form = document.getElementById("correct-form"), btn = document.getElementById("btn-edit");
    if (!form) return;
    form.hidden = !open;
    if (btn) btn.setAttribute("aria-expanded", String(open));
    if (open) { var first = form.querySelector("input:not([type=hidden])"); if (first) first.focus(); }
  }
  function setupReview() {
    document.addEventListener("click", function (e) {
      var t = e.target.closest ? e.target.closest("#btn-edit, #btn-cancel-edit") : null;
      if (!t) return;
      openCorrection(t.id === "btn-edit");
    });
    document.addEventListener("keydown", function (e) {
      if (!document.getElementById("review-card")) return;
      if (e.key === "Escape") { openCorrection(false); return; }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      var id = { a: "btn-accept", r: "btn-reject", j: "queue-next", k: "queue-prev" }[e.key];
      if (e.key === "e") { e.preventDefault(); openCorrection(true); return; }
      var el = id && document.getElementById(id);
      if (el) { e.preventDefault(); el.click(); }
    });
    document.body.addEventListener("htmx:afterSwap", function (e) {
      if (e.detail && e.detail.target && e.detail.target.id === "review-card") {
        var card = document.getElementById("review-card");
        var id = card && card.getAttribute("data-fact-id");
        if (id && window.history && history.replaceState) history.replaceState(null, "", "/review?fact=" + id);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setupUpload(); setupReview(); });
})();
