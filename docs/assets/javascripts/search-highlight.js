/*
 * Search highlighting for what Material's own highlighter cannot see: Vietnamese typed without
 * diacritics ("lien ket" marks "Liên kết"), pages stored decomposed (NFD), and English word
 * forms ("linking" marks "Link"). It marks words in the search results and, from the `h`
 * parameter of a result link, on the page it opens. No requests, no dependencies.
 * fold() must fold as src/vneid_site/search/fold.py does; it is shared as window.vneidFold
 * (the offices' filter on the flyers page uses it).
 */
(function () {
  "use strict";

  // A vowel followed only by Vietnamese tone and vowel marks (see search/fold.py).
  var VIETNAMESE_MARKS =
    /([aeiouyAEIOUY])[\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323]+(?![\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF])/g;
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  // Material's own parts of a search result, around the text blocks of a section.
  var NOT_TEXT = "h1, h2, nav, .md-search-result__icon, .md-search-result__terms";

  function fold(text) {
    return text
      .normalize("NFD")
      .replace(VIETNAMESE_MARKS, "$1")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFC");
  }
  window.vneidFold = fold;

  // A rough English word family, for highlighting only: "linking", "links", "linked" -> "link".
  // The index groups forms with lunr's Porter stemmer (search/en_stem.py).
  function family(word) {
    return word
      .replace(/(?:ings?|ed|es|ly)$|([^s])s$/, "$1")
      .replace(/e$/, "")
      .replace(/y$/, "i")
      .replace(/([^aeiouls])\1$/, "$1");
  }

  // Does a word match one of the query terms? Words that contain a term as typed are left to
  // Material, which marks those itself.
  function matcher(query, english) {
    var terms = query.toLowerCase().normalize("NFC").split(/\s+/).filter(Boolean);
    return function (word) {
      var raw = word.toLowerCase();
      var nfc = raw.normalize("NFC");
      var bare = fold(nfc);
      return terms.some(function (term) {
        if (raw.indexOf(term) !== -1) return false;
        // An unaccented term matches any accents; an accented one only its own.
        if ((fold(term) === term ? bare : nfc).indexOf(term) === 0) return true;
        return english && term.length > 3 && family(term).length > 2 &&
          family(term) === family(nfc);
      });
    };
  }

  function markWords(root, test, attribute, visibleOnly) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (!parent || parent.closest("mark")) continue;
      if (visibleOnly && !parent.offsetHeight) continue;
      nodes.push(node);
    }
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var frag = document.createDocumentFragment();
      var last = 0;
      var match;
      WORD.lastIndex = 0;
      while ((match = WORD.exec(text))) {
        if (!test(match[0])) continue;
        frag.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        if (attribute) mark.setAttribute(attribute, "");
        mark.textContent = match[0];
        frag.appendChild(mark);
        last = match.index + match[0].length;
      }
      if (last === 0) return;
      frag.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
  }

  // Material shows only the (at most two) blocks of a section's text that hold a match, but the
  // whole text when the match was in a folded copy: keep the blocks that now hold a mark.
  function trimTeaser(article) {
    var blocks = Array.prototype.filter.call(article.children, function (el) {
      return !el.matches(NOT_TEXT);
    });
    var marked = blocks.filter(function (el) {
      return el.querySelector("mark");
    });
    if (marked.length === 0) return;
    blocks.forEach(function (el) {
      if (marked.indexOf(el) === -1 || marked.indexOf(el) > 1) el.remove();
    });
  }

  function isEnglish() {
    return document.documentElement.lang.indexOf("en") === 0;
  }

  function highlightResult(item) {
    item.querySelectorAll("a.md-search-result__link").forEach(function (link) {
      var terms = new URL(link.href, location.href).searchParams.get("h");
      var article = link.querySelector("article");
      if (!terms || !article) return;
      markWords(article, matcher(terms, isEnglish()), "", false);
      trimTeaser(article);
    });
  }

  function watchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || !window.MutationObserver) return;
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1 && node.matches(".md-search-result__item")) {
            quietly(highlightResult, node);
          }
        });
      });
    }).observe(list, { childList: true });
  }

  function highlightPage() {
    var terms = new URL(location.href).searchParams.get("h");
    var content = document.querySelector("[data-md-component=content]");
    if (terms && content) {
      markWords(content, matcher(terms, isEnglish()), "data-md-highlight", true);
    }
  }

  // Highlighting is an aid: a failure must not break the page or fill its console.
  function quietly(fn, arg) {
    try {
      fn(arg);
    } catch (err) {
      return;
    }
  }

  quietly(watchResults);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      quietly(highlightPage);
    });
  } else {
    quietly(highlightPage);
  }
})();
