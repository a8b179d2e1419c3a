// The navigation is a <details> disclosure, open in the page as sent (so it works without scripts); on a narrow
// screen this folds it behind "Menu", and it follows the window when that is resized. See docs/web.md.
(function () {
    var narrow = window.matchMedia("(max-width: 64rem)");
    function sync() {
        document.querySelectorAll("details.menu").forEach(function (d) { d.open = !narrow.matches; });
    }
    sync();
    narrow.addEventListener("change", sync);
})();
