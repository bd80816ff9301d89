// Search page: "near me" from the browser's location, and title suggestions while typing.
(function () {
  var locate = document.getElementById('locate');
  var near = document.getElementById('near');
  if (locate && near) {
    locate.addEventListener('click', function () {
      if (near.value) { near.value = ''; locate.form.submit(); return; }
      if (!navigator.geolocation) { return; }
      navigator.geolocation.getCurrentPosition(function (position) {
        near.value = position.coords.latitude.toFixed(5) + ',' + position.coords.longitude.toFixed(5);
        locate.form.submit();
      });
    });
  }
  var q = document.getElementById('q');
  var list = document.getElementById('suggestions');
  var timer = null;
  if (q && list) {
    q.addEventListener('input', function () {
      clearTimeout(timer);
      var text = q.value.trim();
      if (!text) { return; }
      timer = setTimeout(function () {
        fetch('/api/search/suggest?q=' + encodeURIComponent(text)).then(function (r) { return r.json(); })
          .then(function (titles) {
            list.innerHTML = '';
            titles.forEach(function (title) {
              var option = document.createElement('option');
              option.value = title;
              list.appendChild(option);
            });
          });
      }, 150);
    });
  }
})();
