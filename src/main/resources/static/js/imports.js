// The import page's upload: sends the chosen file as the request body with its upload progress, then follows the
// import on its own page. The CSRF token travels in its header, as Spring Security expects for a non-form post.
(function () {
    const form = document.getElementById('upload');
    if (!form) {
        return;
    }
    const bar = document.getElementById('upload-progress');
    const status = document.getElementById('upload-status');
    const error = document.getElementById('upload-error');
    const button = document.getElementById('upload-button');
    form.addEventListener('submit', function (event) {
        event.preventDefault();
        const file = document.getElementById('file').files[0];
        if (!file) {
            return;
        }
        const params = new URLSearchParams({fileName: file.name});
        const source = document.getElementById('source').value.trim();
        if (source) {
            params.set('source', source);
        }
        const xhr = new XMLHttpRequest();
        xhr.open('POST', form.dataset.action + '?' + params.toString());
        xhr.setRequestHeader('Content-Type', 'text/csv');
        xhr.setRequestHeader(document.getElementById('csrf-header').value, document.getElementById('csrf-token').value);
        xhr.setRequestHeader('Accept', 'application/json');
        error.hidden = true;
        bar.hidden = false;
        bar.value = 0;
        button.disabled = true;
        status.textContent = 'Uploading ' + file.name + ' …';
        xhr.upload.onprogress = function (e) {
            if (e.lengthComputable) {
                bar.value = Math.round(e.loaded * 100 / e.total);
                status.textContent = 'Uploading: ' + bar.value + ' %';
            }
        };
        xhr.upload.onload = function () {
            status.textContent = 'Uploaded; checking the file …';
        };
        xhr.onload = function () {
            let body = {};
            try {
                body = JSON.parse(xhr.responseText);
            } catch (ignored) {
                // not JSON: the status says enough
            }
            if (xhr.status === 201 && body.location) {
                window.location.assign(body.location);
                return;
            }
            button.disabled = false;
            bar.hidden = true;
            status.textContent = '';
            error.hidden = false;
            error.textContent = (body.detail || ('The upload was refused (HTTP ' + xhr.status + ')'));
        };
        xhr.onerror = function () {
            button.disabled = false;
            error.hidden = false;
            error.textContent = 'The upload did not reach the server; nothing was imported.';
        };
        xhr.send(file);
    });
})();
