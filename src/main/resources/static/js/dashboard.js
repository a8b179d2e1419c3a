// The dashboard chart: weekly CPM, its 95 % interval as a band, last year's line and the yearly target.
// Data comes from the JSON block the server rendered into the page (no inline script: the CSP forbids it).
(function () {
    const source = document.getElementById('cpm-data');
    const canvas = document.getElementById('cpm-chart');
    if (!source || !canvas || typeof Chart === 'undefined') {
        return;
    }
    const d = JSON.parse(source.textContent);
    const datasets = [
        {label: '95 % interval (upper)', data: d.upper, borderWidth: 0, pointRadius: 0, fill: '+1',
            backgroundColor: 'rgba(255, 179, 199, 0.35)'},
        {label: '95 % interval (lower)', data: d.lower, borderWidth: 0, pointRadius: 0, fill: false},
        {label: 'CPM', data: d.cpm, borderColor: '#c2185b', backgroundColor: '#c2185b', borderWidth: 2,
            pointRadius: 2, tension: 0.2, fill: false},
        {label: 'Last year', data: d.lastYear, borderColor: '#8d8d99', borderDash: [4, 4], borderWidth: 1.5,
            pointRadius: 0, fill: false}
    ];
    if (d.target !== null && d.target !== undefined) {
        datasets.push({label: 'Target', data: d.labels.map(() => d.target), borderColor: '#1b7f4c',
            borderWidth: 2, pointRadius: 0, fill: false});
    }
    const chart = new Chart(canvas, {
        type: 'line',
        data: {labels: d.labels, datasets: datasets},
        options: {
            responsive: true, maintainAspectRatio: false, animation: false, spanGaps: true,
            interaction: {mode: 'index', intersect: false},
            scales: {y: {beginAtZero: true, title: {display: true, text: 'complaints per million purchases'}}},
            plugins: {legend: {labels: {filter: item => item.text !== '95 % interval (lower)'}}}
        }
    });
    // Browser tests and curious users can read what was drawn.
    canvas.dataset.points = String(d.labels.length);
    canvas.dataset.rendered = chart ? 'true' : 'false';
})();
