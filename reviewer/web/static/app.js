// Finding <-> text: clicking a finding jumps to its span (a plain #f-N link, works without
// script) and outlines every piece of it; clicking marked text shows its findings in the list.
(function () {
  "use strict";

  function clear() {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
  }

  function marksOf(index) {
    return Array.prototype.filter.call(document.querySelectorAll("pre.draft mark[data-f]"), function (mark) {
      return mark.getAttribute("data-f").split(" ").indexOf(String(index)) !== -1;
    });
  }

  function showFinding(index, scrollText) {
    clear();
    var marks = marksOf(index);
    marks.forEach(function (mark) { mark.classList.add("current"); });
    var item = document.getElementById("item-" + index);
    if (item) { item.classList.add("current"); }
    if (scrollText && marks.length) { marks[0].scrollIntoView({ block: "center" }); }
  }

  // #f-N: a finding's place in the draft; #item-N: the finding in the list (where a waive
  // comes back to), kept in view inside the scrolling list.
  function fromHash() {
    var match = /^#(f|item)-(\d+)$/.exec(window.location.hash);
    if (!match) { return; }
    showFinding(match[2], match[1] === "f");
    var item = document.getElementById("item-" + match[2]);
    if (match[1] === "item" && item) { item.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("click", function (event) {
    var mark = event.target.closest("pre.draft mark[data-f]");
    if (mark) {
      var indices = mark.getAttribute("data-f").split(" ");
      showFinding(indices[0], false);
      var item = document.getElementById("item-" + indices[0]);
      if (item) { item.scrollIntoView({ block: "nearest" }); }
    }
  });
  // Text whose every finding is waived is shown as settled (grey, dashed).
  function markWaived() {
    var waived = {};
    document.querySelectorAll("li.finding.waived").forEach(function (item) {
      waived[item.getAttribute("data-index")] = true;
    });
    document.querySelectorAll("pre.draft mark[data-f]").forEach(function (mark) {
      var all = mark.getAttribute("data-f").split(" ").every(function (i) { return waived[i]; });
      if (all) { mark.classList.add("waived"); }
    });
  }

  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", function () { markWaived(); fromHash(); });
})();
