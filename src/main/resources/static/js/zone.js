// Tells the server the viewer's time zone (the browser's own setting), so pages show times in it: see docs/web.md.
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && document.cookie.indexOf("zm-zone=" + encodeURIComponent(zone)) < 0) {
            document.cookie = "zm-zone=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
        }
    } catch (e) {
        // an old browser without Intl: the configured zone is used
    }
})();
