// The portal's progressive enhancement: reading works without it. Text size, contrast, the rating
// stars, the lightbox, reading aloud and copy-link. No framework, no third-party script.
(function () {
  'use strict';
  var root = document.documentElement;
  var MIN_SIZE = -2, MAX_SIZE = 4;

  function store(key, value) {
    try { if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); } } catch (e) { /* blocked */ }
  }

  // --- text size: A- / A / A+
  function textSize() { return parseInt(root.getAttribute('data-text-size') || '0', 10) || 0; }
  function setTextSize(n) {
    n = Math.max(MIN_SIZE, Math.min(MAX_SIZE, n));
    if (n === 0) { root.removeAttribute('data-text-size'); store('portal.textSize', null); }
    else { root.setAttribute('data-text-size', String(n)); store('portal.textSize', String(n)); }
  }
  document.querySelectorAll('.text-size').forEach(function (group) {
    group.hidden = false;
    group.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-text-size]');
      if (!button) { return; }
      var step = parseInt(button.getAttribute('data-text-size'), 10);
      setTextSize(step === 0 ? 0 : textSize() + step);
    });
  });

  // --- contrast: Tăng tương phản / Giảm tương phản
  document.querySelectorAll('.contrast-toggle').forEach(function (button) {
    function show() {
      var high = root.getAttribute('data-contrast') === 'high';
      button.textContent = high ? 'Giảm tương phản' : 'Tăng tương phản';
      button.setAttribute('aria-pressed', high ? 'true' : 'false');
    }
    button.hidden = false;
    show();
    button.addEventListener('click', function () {
      if (root.getAttribute('data-contrast') === 'high') { root.removeAttribute('data-contrast'); store('portal.contrast', null); }
      else { root.setAttribute('data-contrast', 'high'); store('portal.contrast', 'high'); }
      show();
    });
  });

  // --- rating: a click posts the vote through the gateway, the line follows the tally
  var article = document.querySelector('article[data-article-id]');
  var rating = document.querySelector('.rating');
  if (article && rating && window.fetch) {
    var line = rating.querySelector('.rating-line');
    var message = rating.querySelector('.rating-message');
    var stars = rating.querySelector('.stars');
    var ratingUrl = '/api/articles/' + encodeURIComponent(article.getAttribute('data-article-id')) + '/rating';
    var votesUrl = '/api/articles/' + encodeURIComponent(article.getAttribute('data-article-id')) + '/ratings';
    var current = null;
    var busy = false;

    var fetchRating = function () {
      return fetch(ratingUrl, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
    };
    var showRating = function (r) { current = r; line.textContent = r.label; };
    var choose = function (n) {
      stars.querySelectorAll('button').forEach(function (b) {
        var on = parseInt(b.getAttribute('data-stars'), 10) <= n;
        b.classList.toggle('on', on);
        b.setAttribute('aria-pressed', parseInt(b.getAttribute('data-stars'), 10) === n ? 'true' : 'false');
      });
    };
    var say = function (text) { message.textContent = text; };
    var failure = function (status) {
      if (status === 429) { return 'Bạn đã đánh giá nhiều lần trong thời gian ngắn. Xin vui lòng thử lại sau ít phút.'; }
      if (status === 503 || status === 502 || status === 504) { return 'Hệ thống đánh giá đang bận. Xin vui lòng thử lại sau.'; }
      if (status === 404) { return 'Bài viết này hiện không nhận đánh giá.'; }
      return 'Chưa gửi được đánh giá. Xin vui lòng thử lại.';
    };
    // the tally folds the vote within moments: follow it until the totals move (or 30 s pass)
    var follow = function (before, deadline) {
      return fetchRating().then(function (r) {
        if (!before || r.points !== before.points || r.count !== before.count || Date.now() > deadline) {
          showRating(r);
          return r;
        }
        return new Promise(function (resolve) { setTimeout(resolve, 250); })
          .then(function () { return follow(before, deadline); });
      });
    };

    stars.hidden = false;
    fetchRating().then(showRating).catch(function () { /* the printed line stays */ });
    stars.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-stars]');
      if (!button || busy) { return; }
      var n = parseInt(button.getAttribute('data-stars'), 10);
      busy = true;
      say('Đang gửi đánh giá...');
      var before = current;
      fetch(votesUrl, {
        method: 'POST', credentials: 'same-origin', cache: 'no-store',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ stars: n })
      }).then(function (r) {
        if (!r.ok) { throw { status: r.status }; }
        return r.json();
      }).then(function (vote) {
        choose(n);
        say('Cảm ơn bạn đã đánh giá ' + n + ' sao.');
        var unchanged = vote.previousStars === n;
        return unchanged && before ? before : follow(before, Date.now() + 30000);
      }).catch(function (e) {
        say(failure(e && e.status));
      }).then(function () { busy = false; });
    });
  }

  // --- lightbox: Enter or a click opens, arrows move, Escape closes, focus returns
  document.querySelectorAll('dialog.lightbox').forEach(function (dialog) {
    if (typeof dialog.showModal !== 'function') { return; } // links still open the photo
    var links = Array.prototype.slice.call(document.querySelectorAll('a.zoom'));
    var frame = dialog.querySelector('.lightbox-frame');
    var caption = dialog.querySelector('figcaption');
    var count = dialog.querySelector('.lightbox-count');
    var index = 0, opener = null;
    var show = function (i) {
      index = (i + links.length) % links.length;
      var link = links[index];
      var thumb = link.querySelector('img');
      var figure = link.closest('figure');
      var img = document.createElement('img');
      img.src = link.getAttribute('href');
      img.alt = thumb ? thumb.alt : '';
      frame.replaceChildren(img);
      var text = figure && figure.querySelector('figcaption') ? figure.querySelector('figcaption').textContent.trim() : '';
      var credit = link.getAttribute('data-credit');
      caption.textContent = text + (credit && text.indexOf(credit) < 0 ? ' (Ảnh: ' + credit + ')' : '');
      count.textContent = 'Ảnh ' + (index + 1) + ' / ' + links.length;
    };
    links.forEach(function (link, i) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        opener = link;
        show(i);
        dialog.showModal();
        dialog.querySelector('.lightbox-close').focus();
      });
    });
    dialog.querySelector('.lightbox-prev').addEventListener('click', function () { show(index - 1); });
    dialog.querySelector('.lightbox-next').addEventListener('click', function () { show(index + 1); });
    dialog.querySelector('.lightbox-close').addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowLeft') { show(index - 1); event.preventDefault(); }
      if (event.key === 'ArrowRight') { show(index + 1); event.preventDefault(); }
    });
    dialog.addEventListener('click', function (event) { if (event.target === dialog) { dialog.close(); } });
    dialog.addEventListener('close', function () { if (opener) { opener.focus(); } });
  });

  // --- read aloud with the browser's own speech synthesis, in a Vietnamese voice where there is one
  document.querySelectorAll('button.speak').forEach(function (button) {
    var synth = window.speechSynthesis;
    if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') { return; }
    var voice = null;
    var pick = function () {
      var voices = synth.getVoices();
      voice = voices.filter(function (v) { return /^vi(-|_|$)/i.test(v.lang); })[0] || null;
      button.hidden = voice === null;
    };
    pick();
    if (typeof synth.addEventListener === 'function') { synth.addEventListener('voiceschanged', pick); }
    button.addEventListener('click', function () {
      if (synth.speaking) { synth.cancel(); button.setAttribute('aria-pressed', 'false'); button.textContent = 'Nghe đọc bài viết'; return; }
      var parts = ['.headline', '.article > .lead', '.article-body'].map(function (s) {
        var el = document.querySelector(s); return el ? el.innerText : '';
      });
      var utterance = new SpeechSynthesisUtterance(parts.join('. '));
      utterance.lang = 'vi-VN';
      if (voice) { utterance.voice = voice; }
      utterance.onend = function () { button.setAttribute('aria-pressed', 'false'); button.textContent = 'Nghe đọc bài viết'; };
      synth.speak(utterance);
      button.setAttribute('aria-pressed', 'true');
      button.textContent = 'Dừng đọc';
    });
  });

  // --- copy the article's link
  document.querySelectorAll('button.copy-link').forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-url')).then(function () {
        button.textContent = 'Đã sao chép liên kết';
      }, function () {
        button.textContent = 'Không sao chép được';
      });
    });
  });
})();
