// The admin console's live view: the node's key figures (GET admin/operations) every few seconds. The server
// sends totals and histogram bucket counts; rates and percentiles are taken between two readings here, as
// Prometheus's rate() and histogram_quantile() do between two scrapes. All text goes in through textContent.

import {ApiError, call} from './api.js';
import {signInWithForm, signOutToForm} from './ui.js';

const EVERY_SECONDS = 2;
const $ = (id) => document.getElementById(id);

let previous = null;
let timer = null;

function showError(error) {
    const box = $('error');
    box.textContent = error instanceof ApiError ? error.message
        : `Unexpected error: ${error && error.message ? error.message : error}`;
    box.hidden = false;
}

function number(value, digits = 0) {
    return Number(value).toLocaleString('en', {maximumFractionDigits: digits, minimumFractionDigits: digits});
}

function duration(seconds) {
    if (seconds === null || Number.isNaN(seconds)) {
        return '-';
    }
    return seconds < 1 ? `${number(seconds * 1000, 1)} ms` : `${number(seconds, 2)} s`;
}

function bytes(value) {
    return `${number(value / (1024 * 1024))} MB`;
}

/**
 * The q-quantile of what a histogram counted between two readings, interpolated within its bucket (as
 * histogram_quantile does); null when nothing was counted.
 */
function quantile(q, before, after) {
    const counts = after.buckets.map((bucket, i) => ({
        le: bucket.le,
        count: bucket.count - (before ? before.buckets[i].count : 0),
    }));
    const total = after.count - (before ? before.count : 0);
    if (total <= 0) {
        return null;
    }
    const rank = q * total;
    let lowerBound = 0;
    let lowerCount = 0;
    for (const bucket of counts) {
        if (bucket.count >= rank) {
            const inBucket = bucket.count - lowerCount;
            return inBucket <= 0 ? bucket.le
                : lowerBound + (bucket.le - lowerBound) * (rank - lowerCount) / inBucket;
        }
        lowerBound = bucket.le;
        lowerCount = bucket.count;
    }
    return lowerBound; // beyond the last bound: at least that
}

function rate(name, now, before) {
    if (!before) {
        return '-';
    }
    const seconds = (now.figures.at - before.figures.at) / 1000;
    return seconds > 0 ? number((now.figures.counters[name] - before.figures.counters[name]) / seconds, 1) : '-';
}

function render(now, before) {
    const {counters, gauges, latencies} = now.figures;
    $('checks').replaceChildren(...now.checks.map((check) => {
        const item = document.createElement('li');
        item.className = check.status === 'UP' ? 'up' : 'down';
        item.dataset.check = check.name;
        item.textContent = `${check.name}: ${check.status}`;
        return item;
    }));
    $('users-signed-in').textContent = number(gauges['users.signed.in']);
    $('chat-dialogs').textContent = number(gauges['chat.dialogs']);
    $('sip-connections').textContent = number(gauges['sip.connections']);
    $('posts-rate').textContent = rate('posts.accepted', now, before);
    $('deliveries-rate').textContent = rate('deliveries', now, before);
    $('files').textContent = `${number(counters['files.uploaded'])} / ${number(counters['files.downloaded'])}`;
    for (const [id, name] of [['post-response', 'post.response'], ['post-delivery', 'post.delivery']]) {
        const earlier = before ? before.figures.latencies[name] : null;
        const p50 = quantile(0.5, earlier, latencies[name]);
        const p99 = quantile(0.99, earlier, latencies[name]);
        $(id).textContent = p50 === null ? 'no posts' : `${duration(p50)} / ${duration(p99)}`;
    }
    $('refused-rate').textContent = rate('posts.refused', now, before);
    $('failed-rate').textContent = rate('deliveries.failed', now, before);
    $('overload').textContent = number(counters['sip.overload.responses']);
    $('ntlm-failed').textContent = number(counters['ntlm.signins.failed']);
    $('requests-queued').textContent = number(gauges['sip.requests.queued']);
    $('outbound-waiting').textContent = number(gauges['sip.outbound.waiting']);
    $('heap').textContent = `${bytes(gauges['heap.used.bytes'])} / ${bytes(gauges['heap.max.bytes'])}`;
    $('compliance-rate').textContent = rate('compliance.stored', now, before);
    $('compliance-waiting').textContent = number(gauges['compliance.outbox'] + gauges['compliance.backlog']);
    $('compliance-lag').textContent = duration(gauges['compliance.lag.seconds']);
    $('compliance-delivered').textContent = number(counters['compliance.delivered']);
    $('updated').textContent = new Date(now.figures.at).toLocaleTimeString('en-GB');
}

async function refresh() {
    try {
        const {body} = await call('admin/operations');
        render(body, previous);
        previous = body;
        $('error').hidden = true;
    } catch (error) {
        showError(error);
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
            stop();
        }
    }
}

function start() {
    $('live-view').hidden = false;
    $('every').textContent = EVERY_SECONDS;
    previous = null;
    refresh();
    timer = setInterval(refresh, EVERY_SECONDS * 1000);
}

function stop() {
    clearInterval(timer);
    timer = null;
    signOutToForm();
    $('live-view').hidden = true;
}

$('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('error').hidden = true;
    try {
        await signInWithForm();
        start();
    } catch (error) {
        showError(error);
    }
});
$('sign-out').addEventListener('click', stop);
document.body.dataset.ready = 'true';
