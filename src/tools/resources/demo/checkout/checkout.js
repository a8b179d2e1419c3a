// The demo checkout (DemoCheckout): consent for the recorder, the payment method, checks of what was typed, and a card
// payment that always fails, after which the feedback form is offered with the recording's id. Nothing typed leaves
// the page: the form is never sent when this script runs.
(function () {
    'use strict';
    const CONSENT = 'zm-demo-consent';
    const CARD_FAILED = 'Your card payment could not be completed. No money was taken. Try again later, or choose invoice.';
    const $ = id => document.getElementById(id);
    let method = 'card';

    /** The recorder, once its script has loaded (it may be missing: the page works without it). */
    function recorder() {
        return window.zmReplay && typeof window.zmReplay.sessionId === 'function' ? window.zmReplay : null;
    }

    function remembered() {
        try {
            return sessionStorage.getItem(CONSENT);
        } catch (e) {
            return null;
        }
    }

    function remember(answer) {
        try {
            sessionStorage.setItem(CONSENT, answer);
        } catch (e) {
            // private mode without storage: asked again on the next page, nothing else changes
        }
    }

    /** The feedback form's address, with the recording's id when there is one. */
    function feedbackLink() {
        const link = $('feedback-link');
        const base = link.getAttribute('href').split('?')[0];
        const r = recorder();
        const id = r ? r.sessionId() : null;
        link.setAttribute('href', id ? base + '?replay=' + encodeURIComponent(id) : base);
        link.dataset.replay = id || '';
    }

    function consent(granted) {
        remember(granted ? 'granted' : 'declined');
        $('consent').hidden = true;
        const r = recorder();
        if (granted && r) {
            r.consent();
            if (typeof r.onSession === 'function') {
                r.onSession(feedbackLink);
            }
        } else if (r && typeof r.optOut === 'function') {
            r.optOut(); // "no thanks" also ends a recording this tab had started on an earlier page
        }
    }

    function choose(chosen) {
        method = chosen;
        document.querySelectorAll('.method').forEach(b => b.setAttribute('aria-checked', String(b.dataset.method === chosen)));
        $('card-fields').hidden = chosen !== 'card';
        $('pay').textContent = chosen === 'card' ? 'Pay 997 kr' : 'Place order, pay by invoice';
    }

    function fieldError(id, message) {
        const p = $(id + '-error');
        p.textContent = message || '';
        p.hidden = !message;
        $(id).setAttribute('aria-invalid', String(Boolean(message)));
        return !message;
    }

    /** Every field's check; true when all pass (each error is shown beside its field). */
    function checked() {
        const email = $('email').value.trim();
        const pnr = $('personal-number').value.replace(/[\s-]/g, '');
        const card = $('card-number').value.replace(/[\s-]/g, '');
        let ok = fieldError('email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? '' : 'Enter the e-mail address the receipt should go to.');
        ok = fieldError('personal-number', method === 'invoice' && !/^(\d{2})?\d{10}$/.test(pnr)
            ? 'Enter your personal identity number: 10 or 12 digits.' : '') && ok;
        ok = fieldError('card-number', method === 'card' && !/^\d{13,19}$/.test(card)
            ? 'Enter the card number: 13 to 19 digits.' : '') && ok;
        return ok;
    }

    let busy = false;

    function pay(event) {
        event.preventDefault();
        if (busy) {
            return; // still "processing": further clicks do nothing (and are what a replay shows as a rage click)
        }
        const alert = $('payment-error');
        alert.textContent = '';
        $('done').hidden = true;
        if (!checked()) {
            return;
        }
        const button = $('pay');
        busy = true;
        button.setAttribute('aria-disabled', 'true');
        button.textContent = 'Processing…';
        // the "payment provider" answers after a moment, as a real one would
        setTimeout(() => {
            busy = false;
            button.removeAttribute('aria-disabled');
            if (method === 'card') {
                button.textContent = 'Pay 997 kr';
                alert.textContent = CARD_FAILED;
                feedbackLink();
                $('feedback-offer').hidden = false;
            } else {
                button.textContent = 'Place order, pay by invoice';
                $('done').hidden = false;
            }
        }, 900);
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('consent-accept').addEventListener('click', () => consent(true));
        $('consent-decline').addEventListener('click', () => consent(false));
        document.querySelectorAll('.method').forEach(b => b.addEventListener('click', () => choose(b.dataset.method)));
        document.querySelector('.methods').addEventListener('keydown', e => {
            // a radio group moves with the arrow keys
            if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) {
                e.preventDefault();
                const next = method === 'card' ? 'invoice' : 'card';
                choose(next);
                $('method-' + next).focus();
            }
        });
        $('checkout').addEventListener('submit', pay);
        const answer = remembered();
        if (answer) {
            consent(answer === 'granted');
        }
        choose('card');
        feedbackLink();
    });
})();
