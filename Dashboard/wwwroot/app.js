// The few behaviours pages ask for with data attributes, so that no script is written inline (the CSP allows none).
document.addEventListener('change', e => {
    if (e.target.matches && e.target.matches('select[data-autosubmit]')) e.target.form.submit();
});
document.addEventListener('click', e => {
    const target = e.target.closest ? e.target.closest('[data-print], [data-confirm]') : null;
    if (!target) return;
    if (target.hasAttribute('data-print')) window.print();
    else if (!window.confirm(target.getAttribute('data-confirm'))) e.preventDefault();
});
