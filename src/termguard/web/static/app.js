// termguard web: progressive enhancement only. Every feature here also works as a plain form or link.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  // htmx requests carry the CSRF token as a header too (forms also carry it as a field).
  document.addEventListener("htmx:configRequest", (e) => { e.detail.headers["X-CSRF-Token"] = csrf(); });

  // Upload: drag and drop, several files, one request per file with a progress bar.
  function upload(files) {
    const form = document.getElementById("upload-form");
    const list = document.getElementById("progress");
    const playbook = form.querySelector('[name="playbook"]').value;
    const jobs = Array.from(files).map((file) => new Promise((resolve) => {
      const li = document.createElement("li");
      const name = document.createElement("span"); name.textContent = file.name;
      const bar = document.createElement("progress"); bar.max = 100; bar.value = 0;
      bar.setAttribute("aria-label", "Uploading " + file.name);
      const state = document.createElement("span"); state.textContent = "uploading…";
      li.append(name, bar, state); list.append(li);
      const data = new FormData();
      data.append("files", file); data.append("playbook", playbook); data.append("csrf", csrf());
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/reviews");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRF-Token", csrf());
      xhr.upload.onprogress = (ev) => { if (ev.lengthComputable) bar.value = Math.round(100 * ev.loaded / ev.total); };
      xhr.upload.onload = () => { bar.removeAttribute("value"); state.textContent = "reviewing…"; };
      xhr.onload = () => {
        let body = {}; try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
        if (xhr.status === 201 && body.reviews && body.reviews.length) {
          bar.value = 100; state.textContent = "";
          const a = document.createElement("a"); a.href = body.reviews[0].url; a.textContent = "Open review";
          state.append(a); resolve(body.reviews[0].url);
        } else {
          const d = body.detail; state.className = "err";
          state.textContent = (d && (d.message || d)) || ("failed (" + xhr.status + ")"); resolve(null);
        }
      };
      xhr.onerror = () => { state.className = "err"; state.textContent = "network error"; resolve(null); };
      xhr.send(data);
    }));
    Promise.all(jobs).then((urls) => {
      const ok = urls.filter(Boolean);
      if (files.length === 1 && ok.length === 1) window.location.href = ok[0];
    });
  }

  function initUpload() {
    const form = document.getElementById("upload-form");
    if (!form) return;
    const zone = document.getElementById("dropzone");
    const input = document.getElementById("file-input");
    form.addEventListener("submit", (e) => { e.preventDefault(); if (input.files.length) upload(input.files); });
    input.addEventListener("change", () => { if (input.files.length) upload(input.files); });
    ["dragenter", "dragover"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.add("over"); }));
    ["dragleave", "drop"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.remove("over"); }));
    zone.addEventListener("drop", (e) => { if (e.dataTransfer && e.dataTransfer.files.length) upload(e.dataTransfer.files); });
  }

  // Review page: a quote link scrolls the document pane to its highlighted text and marks it active.
  function showQuote(key) {
    document.querySelectorAll("mark.ev.active").forEach((m) => m.classList.remove("active"));
    const marks = Array.from(document.querySelectorAll("mark.ev")).filter((m) => m.dataset.keys.split(" ").includes(key));
    marks.forEach((m) => m.classList.add("active"));
    const first = document.getElementById(key) || marks[0];
    if (first) { first.scrollIntoView({ block: "center" }); (marks[0] || first).focus({ preventScroll: true }); }
  }

  function initReview() {
    const doc = document.getElementById("doctext");
    if (!doc) return;
    document.addEventListener("click", (e) => {
      const link = e.target.closest(".quote-link");
      if (link) { e.preventDefault(); showQuote(link.dataset.key); history.replaceState(null, "", "#" + link.dataset.key); return; }
      const mark = e.target.closest("mark.ev");
      if (mark) {
        const idx = mark.dataset.keys.split(" ")[0].split("-")[1];
        const card = document.getElementById("f-" + idx);
        if (card) {
          document.querySelectorAll(".finding.focused").forEach((c) => c.classList.remove("focused"));
          card.hidden = false; card.classList.add("focused"); card.scrollIntoView({ block: "nearest" });
        }
      }
    });
    const filters = document.getElementById("filters");
    const apply = () => {
      const want = (n) => new Set(Array.from(filters.querySelectorAll('input[name="' + n + '"]:checked')).map((i) => i.value));
      const st = want("status"), sv = want("severity");
      document.querySelectorAll(".finding").forEach((c) => { c.hidden = !(st.has(c.dataset.status) && sv.has(c.dataset.severity)); });
    };
    filters.addEventListener("change", apply);
    filters.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
    if (location.hash.startsWith("#ev-")) showQuote(location.hash.slice(1));
  }

  document.addEventListener("DOMContentLoaded", () => { initUpload(); initReview(); });
})();
