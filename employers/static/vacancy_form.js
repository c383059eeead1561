// The vacancy form's pickers and pay line. Everything here is an extra: without it the form's selects and
// plain inputs work, and the pay line appears after "Check before submitting".
(function () {
  "use strict";
  var form = document.querySelector("form.vacancy-form");
  if (!form || !window.fetch) { return; }
  var country = form.querySelector("#destination-country");
  var currency = form.querySelector("#wage-currency");
  var regions = document.getElementById("region-names");
  var allRegions = regions ? Array.prototype.slice.call(regions.options) : [];

  function get(url, params, done) {
    var query = new URLSearchParams(params).toString();
    fetch(url + "?" + query, {credentials: "same-origin", headers: {"Accept": "application/json, text/html"}})
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(done, function () {});
  }

  function debounce(action, wait) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(action, wait); };
  }

  // The country fills the currency (still editable) and narrows the regions to its own.
  function countryChanged() {
    var chosen = country.options[country.selectedIndex];
    var code = chosen && chosen.getAttribute("data-currency");
    if (code && currency) { currency.value = code; }
    narrowRegions();
  }
  function narrowRegions() {
    if (!regions) { return; }
    regions.textContent = "";
    allRegions.forEach(function (option) {
      if (option.getAttribute("data-country") === country.value) { regions.appendChild(option); }
    });
  }
  if (country) { country.addEventListener("change", countryChanged); narrowRegions(); }

  // A list of suggestions under an input: buttons, so a keyboard and a screen reader reach them.
  function suggestions(input, url, labelOf, pick) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.id = input.id + "-suggestions";
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("aria-controls", list.id);
    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var entry = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "suggestion";
        button.textContent = labelOf(item);
        button.addEventListener("click", function () { pick(item); list.hidden = true; input.focus(); });
        entry.appendChild(button);
        list.appendChild(entry);
      });
      list.hidden = items.length === 0;
    }
    var ask = debounce(function () {
      var typed = pick.term ? pick.term(input.value) : input.value;
      if (typed.trim().length < 2) { show([]); return; }
      get(url, {q: typed}, function (text) { show(JSON.parse(text)); });
    }, 250);
    input.addEventListener("input", ask);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !list.hidden) { event.preventDefault(); list.querySelector("button").focus(); }
      if (event.key === "Escape") { list.hidden = true; }
    });
  }

  var occupation = form.querySelector("[data-suggest=occupations]");
  var isco = form.querySelector("#isco_code");
  if (occupation) {
    suggestions(occupation, form.getAttribute("data-occupations"),
      function (item) { return item.name + " · ISCO " + item.isco_code; },
      function (item) { occupation.value = item.name; if (isco) { isco.value = item.isco_code; } });
  }

  // Skills: the suggestion replaces the part after the last comma.
  var skills = form.querySelector("[data-suggest=skills]");
  if (skills) {
    var pickSkill = function (phrase) {
      var parts = skills.value.split(",");
      parts[parts.length - 1] = " " + phrase;
      skills.value = parts.join(",").replace(/^\s+/, "") + ", ";
    };
    pickSkill.term = function (value) { var parts = value.split(","); return parts[parts.length - 1]; };
    suggestions(skills, form.getAttribute("data-skills"), function (phrase) { return phrase; }, pickSkill);
  }

  // The pay line, from the server's rule, as the employer types.
  var line = document.getElementById("pay-line");
  var PAY = /^(wage-|hours_per_week|worker_fees|housing-weekly_deduction|deductions-|season-|destination-(country|region))/;
  function payParams() {
    var params = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (element.name && PAY.test(element.name) && element.value) { params[element.name] = element.value; }
    });
    return params;
  }
  var refresh = debounce(function () {
    get(form.getAttribute("data-pay-line"), payParams(), function (html) { line.innerHTML = html; });
  }, 400);
  if (line) {
    form.addEventListener("input", function (event) { if (PAY.test(event.target.name || "")) { refresh(); } });
    form.addEventListener("change", function (event) { if (PAY.test(event.target.name || "")) { refresh(); } });
    refresh();
  }
}());
