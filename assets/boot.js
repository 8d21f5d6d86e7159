// Starts the app. A classic script (not a module) so that it also runs from a saved page or the
// single-file build opened from disk, where browsers block module scripts and fetch. Where the wasm
// comes from (scripts/bundle.mjs writes all three):
// - on the web: plan-compare_bg.wasm beside this script, fetched and compiled while it streams in;
// - in the single file: inline, window.planCompareWasm (a one-character-per-byte string);
// - in a copy of the page opened from disk ("Save page as", where fetch is blocked):
//   plan-compare.wasm.js, the same string in a classic script, which index.html names in an inert
//   <script type="text/plain" data-plan-compare-wasm> so that the copy keeps it; loaded from here.
// A strict CSP (script-src 'self' 'wasm-unsafe-eval') holds: no inline script, no eval.
/* global wasm_bindgen */
(function () {
  'use strict';
  var html = document.documentElement;
  // The single-file build keeps its own source, so that "download offline copy" can hand it over
  // unchanged even after the app has rewritten the page.
  if (html.hasAttribute('data-single-file') && !window.planCompareOfflineSource) {
    window.planCompareOfflineSource = '<!DOCTYPE html>\n' + html.outerHTML;
  }

  // The reload button of the error panel must work after the wasm instance has died.
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-action="reload"]') : null;
    if (target) window.location.reload();
  });

  function showLoadFailure(error) {
    console.error('plan-compare failed to start', error);
    var panel = document.createElement('section');
    panel.className = 'fatal-error';
    panel.setAttribute('role', 'alert');
    panel.setAttribute('data-testid', 'fatal-error');
    var title = document.createElement('h2');
    title.textContent = '应用无法启动 · The app could not start';
    var hint = document.createElement('p');
    hint.textContent = '请重新加载页面,或换用较新的浏览器。Please reload the page, or use a recent browser.';
    var detail = document.createElement('pre');
    detail.textContent = String(error);
    var button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-action', 'reload');
    button.textContent = '重新加载 · Reload';
    panel.append(title, hint, detail, button);
    document.body.prepend(panel);
  }

  // The imported plans' store in IndexedDB, used by src/store.rs. One record per plan, keyed in the
  // order the plans were added, so that 1,000 plans (25 MB) fit where one localStorage value holds
  // about 5 M characters, and adding or removing a plan writes only that plan. Plain JS rather than
  // web-sys's IndexedDB bindings: callbacks to promises cost a few lines here and kilobytes of wasm.
  // Every method returns a promise. open() resolves false, never rejects, where IndexedDB is missing
  // or refused (sandboxed frames, blocked site data, some private modes): the app then keeps using
  // localStorage.
  var STORE_DB = 'plan-compare';
  // key: auto-increment (the order added); value: { id, doc: JSON text, plan: Uint8Array or absent,
  // the plan's extraction stamped with the code's version (plan_library::stamped_extraction) }
  var IMPORTS = 'imports';
  var ASIDE = 'unreadable'; // records that could not be read, under '<label>#<their key>'
  var BATCH = 40; // records per request: about 1 MB, a few ms to (de)serialise
  var opening = null;
  function requested(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function committed(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onabort = function () { reject(tx.error || new DOMException('The write was aborted.', 'AbortError')); };
    });
  }
  function database() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = window.indexedDB.open(STORE_DB, 1);
        request.onupgradeneeded = function () {
          var db = request.result;
          db.createObjectStore(IMPORTS, { autoIncrement: true }).createIndex('id', 'id');
          db.createObjectStore(ASIDE);
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return opening;
  }
  function writing(names, work) {
    return database().then(function (db) {
      var tx = db.transaction(names, 'readwrite');
      var outcome = committed(tx);
      try {
        work(tx);
      } catch (error) {
        // All or nothing: what was queued before the error is not written either.
        tx.abort();
        outcome.catch(function () {});
        throw error;
      }
      return outcome;
    });
  }
  window.planCompareStore = {
    open: function () {
      try {
        return database().then(function () { return true; }, function () { return false; });
      } catch (error) {
        // Reading window.indexedDB itself throws in some sandboxed frames.
        return Promise.resolve(false);
      }
    },
    // { keys, docs, plans }: in the order added; a doc is null when its record is not one of ours,
    // a plan null when the record has no extraction. The keys first, then every BATCH of records
    // asked for at once in the same transaction: the requests are pipelined (not one round trip
    // to the database after another), and each batch is deserialised in its own task, not 37 MB
    // in one.
    readAll: function () {
      return database().then(function (db) {
        return new Promise(function (resolve, reject) {
          var tx = db.transaction(IMPORTS, 'readonly');
          var store = tx.objectStore(IMPORTS);
          var keys = [];
          var batches = [];
          tx.onabort = tx.onerror = function () { reject(tx.error); };
          store.getAllKeys().onsuccess = function (event) {
            keys = event.target.result;
            for (var start = 0; start < keys.length; start += BATCH) {
              var last = keys[Math.min(start + BATCH, keys.length) - 1];
              (function (at) {
                store.getAll(IDBKeyRange.bound(keys[at], last)).onsuccess = function (done) {
                  batches[at / BATCH] = done.target.result;
                };
              })(start);
            }
          };
          tx.oncomplete = function () {
            var docs = [];
            var plans = [];
            batches.forEach(function (batch) {
              batch.forEach(function (v) {
                docs.push(v && typeof v.doc === 'string' ? v.doc : null);
                plans.push(v && v.plan instanceof Uint8Array ? v.plan : null);
              });
            });
            resolve({ keys: keys, docs: docs, plans: plans });
          };
        });
      });
    },
    // One transaction (all or nothing), its records added BATCH at a time: each batch is
    // serialised when the previous one is written, in its own task.
    append: function (ids, docs, plans) {
      return writing([IMPORTS], function (tx) {
        var store = tx.objectStore(IMPORTS);
        function addFrom(start) {
          var last = null;
          for (var i = start; i < Math.min(start + BATCH, ids.length); i++) {
            last = store.add({ id: ids[i], doc: docs[i], plan: plans[i] });
          }
          if (last && start + BATCH < ids.length) last.onsuccess = function () { addFrom(start + BATCH); };
        }
        addFrom(0);
      });
    },
    // Puts each plan's extraction into the records of its id (records kept without one, or with
    // another version's).
    setPlans: function (ids, plans) {
      return writing([IMPORTS], function (tx) {
        var index = tx.objectStore(IMPORTS).index('id');
        ids.forEach(function (id, i) {
          index.openCursor(id).onsuccess = function (event) {
            var cursor = event.target.result;
            if (!cursor) return;
            var record = cursor.value;
            record.plan = plans[i];
            cursor.update(record);
            cursor.continue();
          };
        });
      });
    },
    remove: function (id) {
      return writing([IMPORTS], function (tx) {
        var store = tx.objectStore(IMPORTS);
        store.index('id').getAllKeys(id).onsuccess = function (event) {
          event.target.result.forEach(function (key) { store.delete(key); });
        };
      });
    },
    setAside: function (keys, label) {
      return writing([IMPORTS, ASIDE], function (tx) {
        var store = tx.objectStore(IMPORTS);
        var aside = tx.objectStore(ASIDE);
        keys.forEach(function (key) {
          store.get(key).onsuccess = function (event) {
            aside.put(event.target.result, label + '#' + key);
            store.delete(key);
          };
        });
      });
    },
  };

  function decode(binary) {
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Resolved now: document.currentScript is this script only while it runs.
  var here = document.currentScript ? document.currentScript.src : window.location.href;

  function startFromString() {
    try {
      var bytes = decode(window.planCompareWasm);
      window.planCompareWasm = undefined;
      wasm_bindgen({ module_or_path: bytes }).catch(showLoadFailure);
    } catch (error) {
      showLoadFailure(error);
    }
  }

  // The wasm as a classic script (plan-compare.wasm.js), for a page where it cannot be fetched.
  function loadWasmScript() {
    var inert = document.querySelector('script[data-plan-compare-wasm]');
    if (!inert) {
      showLoadFailure(new Error('plan-compare.wasm.js is not named by this page'));
      return;
    }
    var script = document.createElement('script');
    script.src = inert.src;
    script.onload = startFromString;
    script.onerror = function () { showLoadFailure(new Error('could not load ' + inert.src)); };
    document.head.appendChild(script);
  }

  function start() {
    if (typeof window.planCompareWasm === 'string') {
      startFromString();
    } else if (/^https?:$/.test(window.location.protocol)) {
      // Only a failed fetch falls back to the script; a wasm that fails to start is reported.
      fetch(new URL('plan-compare_bg.wasm', here).href).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response;
      }).then(function (response) {
        wasm_bindgen({ module_or_path: response }).catch(showLoadFailure);
      }, loadWasmScript);
    } else {
      loadWasmScript();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
