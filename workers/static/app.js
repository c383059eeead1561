// An enhancement only: every page works without it. Registers the service
// worker that keeps the last matches page readable offline.
(function () {
  var me = document.currentScript;
  if ('serviceWorker' in navigator && me && me.dataset.sw) {
    navigator.serviceWorker.register(me.dataset.sw).catch(function () {});
  }
})();
