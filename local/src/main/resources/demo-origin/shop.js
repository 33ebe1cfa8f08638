// Demo shop script: a browser loads it with every page, which is one of the signals detection looks at.
document.addEventListener('DOMContentLoaded', function () {
  document.body.dataset.loaded = 'true';
});
