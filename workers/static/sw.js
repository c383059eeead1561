// Network first for the matches page, with the last copy as the fallback
// when there is no connection. Nothing else is cached, and signing out
// (the page answers with Clear-Site-Data) empties the cache.
var CACHE = 'matches-v1';
var scope = self.registration.scope;
var MATCHES = new URL('matches', scope).pathname;

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  var isMatches = url.pathname === MATCHES;
  var isStyle = url.pathname.endsWith('.css');
  if (!isMatches && !isStyle) return;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(isMatches ? MATCHES : request, copy); });
        return response;
      }
      return caches.match(isMatches ? MATCHES : request).then(function (cached) { return cached || response; });
    }).catch(function () {
      return caches.match(isMatches ? MATCHES : request, {ignoreSearch: !isMatches}).then(function (cached) {
        return cached || Response.error();
      });
    })
  );
});
