// The insight form's live help, on top of a form that works without it: the quality gate's checklist and the value a
// year are asked from the server (POST /insights/gate, the same gate that decides delegation) as the analyst types,
// and shown; bad values are shown beside their fields. Screenshots are previewed before they are sent, then sent one
// by one as the request body (multipart is off in this product), with the CSRF token in its header.
(function () {
    const form = document.querySelector('form[data-gate]');
    if (!form) {
        return;
    }
    document.documentElement.classList.add('js');
    form.querySelectorAll('.js-only').forEach(e => e.hidden = false);
    const csrf = form.querySelector('input[name=_csrf]');
    const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
    const MAX = 5 * 1024 * 1024;
    let pending = [];

    function body() {
        return new URLSearchParams(new FormData(form));
    }

    function showError(name, message) {
        const field = form.querySelector('[name="' + name + '"]') || document.getElementById(name);
        let p = document.getElementById(name + '-error');
        if (!message) {
            if (p && name !== 'screenshots') {
                p.remove();
            }
            if (field) {
                field.removeAttribute('aria-invalid');
            }
            return;
        }
        if (!p) {
            p = document.createElement('p');
            p.className = 'field-error';
            p.id = name + '-error';
            const anchor = name === 'impact' ? form.querySelector('#impact .form-grid') : field;
            if (!anchor) {
                return;
            }
            anchor.insertAdjacentElement('afterend', p);
        }
        p.hidden = false;
        p.textContent = message;
        if (field) {
            field.setAttribute('aria-invalid', 'true');
            field.setAttribute('aria-describedby', p.id);
        }
    }

    function show(view) {
        const errors = view.errors || {};
        form.querySelectorAll('.field-error[id$="-error"]').forEach(p => {
            const name = p.id.slice(0, -'-error'.length);
            if (name !== 'screenshots' && !(name in errors)) {
                showError(name, null);
            }
        });
        Object.entries(errors).forEach(([name, message]) => showError(name, message));
        const total = document.getElementById('impact-total');
        if (total && !errors.occurrencesPerYear && !errors.contactsPerOccurrence && !errors.contactCost
                && !errors.shareRemovedPercent && !errors.impact) {
            total.textContent = view.valuePerYear == null ? '–'
                : new Intl.NumberFormat('en-GB', {style: 'currency', currency: total.dataset.currency || 'EUR',
                    minimumFractionDigits: 0, maximumFractionDigits: 0}).format(Number(view.valuePerYear));
        }
        const gate = document.getElementById('gate');
        if (!gate || !view.checks) {
            return;
        }
        let passed = 0;
        view.checks.forEach(c => {
            const li = gate.querySelector('li[data-element="' + c.element + '"]');
            if (!li) {
                return;
            }
            li.classList.toggle('passed', c.passed);
            let reason = li.querySelector('.reason');
            if (c.passed && reason) {
                reason.remove();
            } else if (!c.passed) {
                if (!reason) {
                    reason = document.createElement('span');
                    reason.className = 'reason';
                    li.appendChild(reason);
                }
                reason.textContent = c.reason;
            }
            passed += c.passed ? 1 : 0;
        });
        const n = view.checks.length;
        gate.querySelector('progress').value = view.readinessPercent;
        document.getElementById('gate-summary').textContent = view.passed
            ? 'Gate ' + n + '/' + n + ' ✓: it can be delegated' : 'Gate ' + passed + '/' + n + ': missing ' + (n - passed);
    }

    let timer = null, asked = 0;
    function check() {
        const mine = ++asked;
        const params = body();
        params.delete('action');
        fetch(form.dataset.gate, {method: 'POST', body: params, headers: {'Accept': 'application/json'}})
            .then(r => r.ok ? r.json() : null)
            .then(view => {
                if (view && mine === asked) {
                    show(view);
                }
            })
            .catch(() => { /* the server's answer on saving still decides */ });
    }
    form.addEventListener('input', e => {
        if (e.target.id === 'screenshots') {
            return;
        }
        clearTimeout(timer);
        timer = setTimeout(check, 250);
    });
    form.addEventListener('change', e => {
        if (e.target.tagName === 'SELECT') {
            check();
        }
    });

    // ---- screenshots: preview, then send
    const input = document.getElementById('screenshots');
    const previews = document.getElementById('previews');
    const screenshotError = document.getElementById('screenshots-error');
    if (input) {
        input.addEventListener('change', () => {
            previews.replaceChildren();
            pending = [];
            const refused = [];
            Array.from(input.files).forEach(file => {
                if (!TYPES.includes(file.type) || file.size > MAX) {
                    refused.push(file.name + (file.size > MAX ? ' is larger than 5 MB' : ' is not a PNG, JPEG, WebP or GIF image'));
                    return;
                }
                pending.push(file);
                const figure = document.createElement('figure');
                const img = document.createElement('img');
                img.alt = 'preview of ' + file.name;
                const caption = document.createElement('figcaption');
                caption.textContent = file.name + ' (' + Math.max(1, Math.round(file.size / 1024)) + ' KB)';
                figure.append(img, caption);
                previews.appendChild(figure);
                // a data: URL, which the content security policy allows for images (blob: it does not)
                const reader = new FileReader();
                reader.onload = () => img.src = reader.result;
                reader.readAsDataURL(file);
            });
            screenshotError.hidden = refused.length === 0;
            screenshotError.textContent = refused.length ? 'Not sent: ' + refused.join('; ') + '.' : '';
        });
    }

    function upload(id) {
        return pending.reduce((chain, file) => chain.then(() => fetch('/insights/' + id + '/attachments', {
            method: 'POST', body: file, headers: {'Content-Type': file.type, 'X-CSRF-TOKEN': csrf.value, 'Accept': 'application/json'}
        }).then(r => r.ok ? null : r.json().then(j => { throw new Error(j.error || ('status ' + r.status)); }))), Promise.resolve());
    }

    form.addEventListener('submit', event => {
        const action = event.submitter && event.submitter.name === 'action' ? event.submitter.value : null;
        if (!pending.length || action) {
            return; // nothing to upload: the plain form post does it all
        }
        event.preventDefault();
        const failed = e => {
            screenshotError.hidden = false;
            screenshotError.textContent = 'The screenshots were not sent: ' + e.message;
        };
        if (form.dataset.insight) {
            // an existing insight: the screenshots first, then the form as usual
            upload(form.dataset.insight).then(() => form.submit(), failed);
            return;
        }
        // a new insight: save the draft, then send its screenshots to it; a refused form is posted again the usual
        // way, so that the page shows the errors beside their fields
        fetch(form.action, {method: 'POST', body: body()}).then(r => {
            const saved = r.ok && r.redirected && /\/insights\/(\d+)$/.exec(new URL(r.url).pathname);
            if (!saved) {
                form.submit();
                return;
            }
            upload(saved[1]).then(() => window.location.assign(r.url), e => {
                window.location.assign(r.url);
                failed(e);
            });
        }, failed);
    });
})();
