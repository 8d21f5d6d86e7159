/*! AI Plan Compare embed script. No dependencies. Turns
 *    <div data-plan-compare="https://…/plan-compare/#view=compare&plans=…"></div>
 *  into a responsive iframe, and sizes it from the height messages the embedded app posts
 *  ({sentinel:"amp",type:"embed-size",height}), accepting them only from the frame's own origin. */
(function () {
  'use strict';
  var frames = [];

  function embedUrl(raw) {
    var url = new URL(raw, document.baseURI);
    var hash = url.hash.replace(/^#/, '');
    if (!/(^|&)embed=1(&|$)/.test(hash)) hash = hash ? hash + '&embed=1' : 'embed=1';
    url.hash = hash;
    return url;
  }

  function mount(host) {
    if (host.getAttribute('data-plan-compare-mounted')) return;
    var url;
    try {
      url = embedUrl(host.getAttribute('data-plan-compare'));
    } catch (error) {
      host.textContent = 'AI Plan Compare: invalid address in data-plan-compare';
      return;
    }
    var frame = document.createElement('iframe');
    frame.src = url.href;
    // Escaped so that the script is plain ASCII whatever charset a host serves it with.
    frame.title = host.getAttribute('data-title') || '\u4eba\u5de5\u667a\u80fd\u89c4\u5212\u5bf9\u6bd4 \u00b7 AI Plan Compare';
    frame.loading = 'lazy';
    frame.setAttribute('scrolling', 'no');
    // CSSOM properties, not a style attribute: allowed under a strict style-src.
    frame.style.width = '100%';
    frame.style.minWidth = '0';
    frame.style.maxWidth = '100%';
    frame.style.height = (parseInt(host.getAttribute('data-height'), 10) || 720) + 'px';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.boxSizing = 'border-box';
    host.setAttribute('data-plan-compare-mounted', '1');
    host.appendChild(frame);
    frames.push({ frame: frame, origin: url.origin });
  }

  window.addEventListener('message', function (event) {
    for (var i = 0; i < frames.length; i++) {
      var entry = frames[i];
      if (event.source !== entry.frame.contentWindow) continue;
      // A file:// page posts from the origin "null"; it is accepted only if the frame is one too.
      if (event.origin !== entry.origin) return;
      var data = event.data;
      if (data && data.sentinel === 'amp' && data.type === 'embed-size') {
        var height = Number(data.height);
        if (height > 0 && height < 100000) entry.frame.style.height = Math.ceil(height) + 'px';
      }
      return;
    }
  });

  function mountAll() {
    var hosts = document.querySelectorAll('[data-plan-compare]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
