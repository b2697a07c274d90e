// Answers without reloading: poll the room's state and send taps as JSON.
// Without JavaScript the same page works as a plain form (see docs/phones.md).
(function () {
  "use strict";
  var form = document.getElementById("answer");
  if (!form || !window.fetch || !window.JSON) { return; }
  var S = JSON.parse(document.getElementById("strings").textContent);
  var statement = document.getElementById("statement");
  var status = document.getElementById("status");
  var qInput = form.querySelector("input[name=question]");
  var buttons = form.querySelectorAll("button[name=choice]");
  var current = qInput.value || null;
  var busy = false;

  // Which questions this phone answered in this workshop (ids only, never the answer),
  // so that after the facilitator's app restarts - a new room code, a new device
  // cookie - the same phone does not answer a question it was already counted for.
  var KEY = "answered";
  function remembered(workshop) {
    try {
      var kept = JSON.parse(window.localStorage.getItem(KEY) || "null");
      return kept && kept.workshop === workshop && kept.questions instanceof Array ? kept.questions : [];
    } catch (e) { return []; }  // storage off or full: answer as before
  }
  function remember(workshop, question) {
    var questions = remembered(workshop);
    if (questions.indexOf(question) >= 0) { return; }
    questions.push(question);
    try {
      window.localStorage.setItem(KEY, JSON.stringify({ workshop: workshop, questions: questions }));
    } catch (e) { }
  }

  function show(state) {
    var q = state.question;
    if (!q) {
      current = null;
      statement.textContent = S.waiting;
      form.hidden = true;
      status.textContent = "";
      status.className = "status";
      return;
    }
    form.hidden = false;
    if (q.id !== current) {
      current = q.id;
      qInput.value = q.id;
      statement.textContent = q.text;
      for (var i = 0; i < buttons.length && i < q.choices.length; i++) {
        buttons[i].value = q.choices[i].id;
        buttons[i].textContent = q.choices[i].label;
      }
    }
    var workshop = state.workshop || "";
    if (state.yours && workshop) { remember(workshop, q.id); }
    var before = !state.yours && workshop && remembered(workshop).indexOf(q.id) >= 0;
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].disabled = !state.open || before;
      buttons[j].setAttribute("aria-pressed", String(buttons[j].value === state.yours));
    }
    if (!state.open) {
      status.textContent = S.closed;
      status.className = "status closed";
    } else if (state.yours) {
      var label = "";
      for (var k = 0; k < q.choices.length; k++) {
        if (q.choices[k].id === state.yours) { label = q.choices[k].label; }
      }
      status.textContent = S.yours.replace("{choice}", label);
      status.className = "status";
    } else if (before) {
      status.textContent = S.before;
      status.className = "status";
    } else {
      status.textContent = S.tap;
      status.className = "status";
    }
  }

  function poll() {
    if (busy) { return; }
    fetch("/api/state", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) {
        if (r.status === 401) { window.location.reload(); throw new Error("left"); }
        return r.json();
      })
      .then(show)
      .catch(function () { });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter || document.activeElement;
    if (!button || button.name !== "choice") { return; }
    busy = true;
    status.textContent = S.sending;
    fetch("/api/answer", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: current, choice: button.value })
    }).then(function (r) {
      busy = false;
      if (r.status === 429) { status.textContent = S.slow; return; }
      poll();
    }).catch(function () {
      busy = false;
      status.textContent = S.offline;
    });
  });

  setInterval(poll, 2000);
  poll();
})();
