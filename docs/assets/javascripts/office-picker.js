/*
 * The offices' packs on the flyers page: a filter box over the list, which works without it.
 * Typed words match the start of words in an office's name and address, with or without
 * diacritics ("phuong 5" finds "Phường 5"), folded as the site's search folds them
 * (window.vneidFold, from search-highlight.js). No requests, no dependencies.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{M}\p{N}]+/gu;

  function words(text, fold) {
    return (fold(text.normalize("NFC").toLowerCase()).match(WORD) || []);
  }

  function setUp(section) {
    var fold = window.vneidFold;
    var box = section.querySelector(".site-offices__search");
    var input = section.querySelector(".site-offices__filter");
    var count = section.querySelector(".site-offices__count");
    var items = Array.prototype.slice.call(section.querySelectorAll(".site-offices__item"));
    if (!fold || !box || !input || !count) return;
    var indexed = items.map(function (item) {
      var text = Array.prototype.map.call(
        item.querySelectorAll(".site-offices__name, .site-offices__address"),
        function (p) { return p.textContent; }
      ).join(" ") + " " + item.getAttribute("data-office").replace(/-/g, " ");
      return { item: item, words: words(text, fold) };
    });

    function update() {
      var query = words(input.value, fold);
      var shown = 0;
      indexed.forEach(function (entry) {
        var match = query.every(function (term) {
          return entry.words.some(function (word) { return word.indexOf(term) === 0; });
        });
        entry.item.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown ? shown + " " + count.getAttribute("data-label")
                                : count.getAttribute("data-none");
    }

    input.addEventListener("input", update);
    input.addEventListener("search", update);
    box.hidden = false;
    update();
  }

  function start() {
    var sections = document.querySelectorAll("[data-office-picker]");
    Array.prototype.forEach.call(sections, setUp);
  }

  // Material swaps pages in place with instant navigation; it announces each new page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
