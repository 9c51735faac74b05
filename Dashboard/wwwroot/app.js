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

// Pages with several forms (任务进展): what was typed into one form survives saving another. Each form marked
// data-draft keeps its fields in sessionStorage while typed; after the page reloads every draft is put back,
// except that of the form just saved successfully (the page then says done=…).
function restoreDrafts() {
    const forms = document.querySelectorAll('form[data-draft]:not([data-draft-bound])');
    if (!forms.length) return;
    const params = new URLSearchParams(location.search);
    const key = 'draft:' + location.pathname + ':' + (params.get('period') || '');
    const drafts = JSON.parse(sessionStorage.getItem(key) || '{}');
    const submitted = sessionStorage.getItem(key + ':submitted');
    sessionStorage.removeItem(key + ':submitted');
    if (submitted && params.get('done')) delete drafts[submitted];
    const store = () => sessionStorage.setItem(key, JSON.stringify(drafts));
    const fields = form => [...form.elements].filter(el => el.name && el.name !== '__RequestVerificationToken'
        && !['hidden', 'submit', 'button', 'file', 'checkbox', 'radio'].includes(el.type));
    forms.forEach(form => {
        form.setAttribute('data-draft-bound', '');
        const id = form.getAttribute('data-draft');
        const saved = drafts[id];
        if (saved && fields(form).some(el => el.name in saved && el.value !== saved[el.name])) {
            fields(form).forEach(el => { if (el.name in saved) el.value = saved[el.name]; });
            const note = document.createElement('p');
            note.className = 'draft-note';
            note.textContent = '已恢复您在此处尚未保存的填写内容，请核对后点击“保存”。';
            form.prepend(note);
        }
        const keep = () => { drafts[id] = Object.fromEntries(fields(form).map(el => [el.name, el.value])); store(); };
        form.addEventListener('input', keep);
        form.addEventListener('change', keep);
        form.addEventListener('submit', () => sessionStorage.setItem(key + ':submitted', id));
    });
    store();
}

// The browser's own validation bubbles speak the browser's language ("Please fill out this field."): say it in Chinese.
document.addEventListener('invalid', e => {
    const el = e.target;
    if (!el.validity) return;
    el.setCustomValidity(
        el.validity.valueMissing ? (el.type === 'file' ? '请选择要上传的文件。' : el.tagName === 'SELECT' ? '请选择一项。' : '请填写此项。')
        : el.validity.rangeUnderflow ? `不能小于 ${el.min}。`
        : el.validity.rangeOverflow ? `不能大于 ${el.max}。`
        : el.validity.stepMismatch ? '请填写有效的数值。'
        : el.validity.badInput ? '请填写数字。'
        : el.validity.tooLong ? `不能超过 ${el.maxLength} 个字。`
        : el.validity.typeMismatch ? '格式不正确，请检查。'
        : el.validity.patternMismatch ? (el.title || '格式不正确，请检查。')
        : '');
}, true);
document.addEventListener('input', e => { if (e.target.setCustomValidity) e.target.setCustomValidity(''); }, true);
document.addEventListener('change', e => {
    if (e.target.setCustomValidity) e.target.setCustomValidity('');
    const picker = e.target.closest && e.target.closest('.file-picker');
    if (picker && e.target.files) picker.querySelector('[data-file-name]').textContent = e.target.files.length ? e.target.files[0].name : '未选择文件';
}, true);

// 大屏: reload every data-refresh seconds (0: paused), to show what was reported since.
let refreshTimer;
function scheduleRefresh() {
    clearTimeout(refreshTimer);
    const refresh = document.querySelector('[data-refresh]');
    if (refresh && +refresh.dataset.refresh > 0) refreshTimer = setTimeout(() => location.reload(), +refresh.dataset.refresh * 1000);
}

// What each page sets up, on the first load and after every enhanced navigation (the menu's links patch the page in place).
function pageLoaded() {
    restoreDrafts();
    scheduleRefresh();
}
pageLoaded();
document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', pageLoaded));

// 字数: a live count under each limited text box, counted as the server counts (every character but whitespace,
// as Word's and WPS's 「字符数(不计空格)」).
function countCharacters(text) { return [...text].filter(ch => !/\s/u.test(ch)).length; }
function updateCount(box) {
    const out = document.querySelector('[data-count-for="' + box.name + '"]');
    if (!out) return;
    const n = countCharacters(box.value), limit = +box.getAttribute('data-limit');
    out.textContent = '已填 ' + n + ' / ' + limit + ' 字（不计空格）';
    out.classList.toggle('over', n > limit);
}
document.addEventListener('input', e => { if (e.target.matches && e.target.matches('[data-limit]')) updateCount(e.target); });
document.querySelectorAll('[data-limit]').forEach(updateCount);
