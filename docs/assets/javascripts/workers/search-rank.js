/*
 * Material's search worker, unchanged, with one step added to its results: pages that hold
 * every word typed come before pages that hold only some of them. Material adds `*` to every
 * word, so an unaccented "can" also matches "cán", "cảnh"; a page that says "cán bộ" in a
 * heading would otherwise outrank the page that says "căn cước" for the query "can cuoc".
 * Material's own order is kept among pages that hold the same share of the words.
 *
 * Loaded as the search worker (overrides/main.html); the `material` parameter names Material's
 * worker file beside this one. No requests besides that file.
 */
(function () {
  "use strict";

  var RESULT = 3; // Material's SearchMessageType.RESULT

  // Share of the query's words that some part of the page (its sections included) holds.
  // Material annotates each result part with `terms`: word -> found (stop words left out).
  function coverage(group) {
    var asked = {};
    var found = {};
    group.forEach(function (item) {
      Object.keys(item.terms || {}).forEach(function (term) {
        asked[term] = true;
        if (item.terms[term]) found[term] = true;
      });
    });
    var total = Object.keys(asked).length;
    return total ? Object.keys(found).length / total : 0;
  }

  function rerank(result) {
    if (!result || !Array.isArray(result.items)) return;
    var ranked = result.items.map(function (group, order) {
      return { group: group, order: order, share: coverage(group) };
    });
    ranked.sort(function (a, b) {
      return b.share - a.share || a.order - b.order;
    });
    result.items = ranked.map(function (entry) {
      return entry.group;
    });
  }

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === RESULT) rerank(message.data);
    post(message);
  };

  var material = new URL(self.location.href).searchParams.get("material") || "";
  // Only a worker file of Material's, beside this one.
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("search-rank.js: missing or unexpected 'material' parameter");
  }
  importScripts(material);
})();
