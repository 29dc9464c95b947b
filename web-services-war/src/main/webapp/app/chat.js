// Chat in a browser (/parley/chat/): the rooms the user follows with their unread counts, a room's conversation
// paging back through its history, posting, and everything new arriving live over one event stream for all the
// rooms (GET /chat/events). User text reaches the page only as text (textContent), never as markup.

import {ApiError, bytes, call, events, signedInUser} from './api.js';
import {$, action, allItems, el, saveBlob, signInWithForm, signOutToForm, status, whenUnauthenticated} from './ui.js';

/** How many messages a history read asks for. */
const PAGE = 50;
/** The longest wait between two attempts to reconnect the event stream. */
const MAX_RETRY_MS = 15_000;
/** A file's announcement in a room, as the server words it: "[file] name (size bytes) download address". */
const FILE_ANNOUNCEMENT = /^\[file\] (.+) \((\d+) bytes\) (\S+)$/;

/** The rooms followed, by id: {room, lastSeq (the newest post known), unread}. */
const rooms = new Map();
/** The room shown: {id, shown (seqs on screen), oldest, newest}, or null. */
let open = null;
/** The event stream's abort controller; a new stream replaces the old one when the rooms change. */
let stream = null;
let retryMs = 1_000;
/** The web session the stream opened (the server's first event); a reconnecting stream names it to stay the same. */
let session = null;

// ---- the rooms ---------------------------------------------------------------------------------

async function loadRooms() {
    const followed = await allItems('rooms/mine?role=follower');
    rooms.clear();
    for (const room of followed) {
        rooms.set(room.id, {room, lastSeq: room.lastMessageSeq, unread: 0});
    }
    renderRooms();
}

function renderRooms() {
    const entries = [...rooms.values()].sort((a, b) => a.room.name.localeCompare(b.room.name));
    $('chat-rooms').replaceChildren(...entries.map(({room, unread}) => el('li',
        {dataset: {roomId: room.id}, className: open && open.id === room.id ? 'selected' : ''},
        el('button', {type: 'button', className: 'open', onclick: action(() => openRoom(room.id))}, room.name),
        ...(unread > 0 ? [el('span', {className: 'unread', title: `${unread} new`}, String(unread))] : []))));
    $('no-chat-rooms').hidden = entries.length > 0;
}

async function findRooms() {
    const name = $('find-name').value.trim();
    const {body} = await call(`rooms?name=${encodeURIComponent(name)}&size=50`);
    $('found-rooms').replaceChildren(...body.items.filter((room) => !rooms.has(room.id)).map((room) => el('li',
        {dataset: {roomId: room.id}},
        el('span', {className: 'name'}, room.name),
        el('button', {type: 'button', className: 'follow', onclick: action(() => follow(room))}, 'Join'))));
    status(body.items.length === 0 ? 'No room by that name.' : '');
}

/** Joining a room from the page follows it: it joins the list and the stream, and opens. */
async function follow(room) {
    await call(`rooms/${encodeURIComponent(room.id)}/follow`, {method: 'PUT'});
    rooms.set(room.id, {room, lastSeq: room.lastMessageSeq, unread: 0});
    $('found-rooms').replaceChildren();
    renderRooms();
    connect();
    await openRoom(room.id);
    status(`You joined ${room.name}.`);
}

async function unfollow() {
    const entry = rooms.get(open.id);
    await call(`rooms/${encodeURIComponent(open.id)}/follow`, {method: 'DELETE'});
    rooms.delete(open.id);
    closeConversation();
    renderRooms();
    connect();
    status(`You left ${entry.room.name}.`);
}

// ---- a conversation ----------------------------------------------------------------------------

async function openRoom(id) {
    const entry = rooms.get(id);
    open = {id, shown: new Set(), oldest: null, newest: 0};
    $('conversation-name').textContent = entry.room.name;
    $('conversation-topic').textContent = entry.room.topic || '';
    $('message-list').replaceChildren();
    endSearch();
    $('conversation').hidden = false;
    $('chat-view').classList.add('conversation-open');
    $('chat-view').classList.remove('list-shown');
    entry.unread = 0;
    renderRooms();
    const {body} = await call(`rooms/${encodeURIComponent(id)}/messages?limit=${PAGE}`);
    if (!open || open.id !== id) {
        return;
    }
    for (const message of body.items) {
        append(message);
    }
    $('older').hidden = body.items.length < PAGE;
    scrollToNewest();
    $('compose').focus();
}

async function loadOlder() {
    const id = open.id;
    const {body} = await call(`rooms/${encodeURIComponent(id)}/messages?limit=${PAGE}&before=${open.oldest}`);
    if (!open || open.id !== id) {
        return;
    }
    const pane = $('messages');
    const fromBottom = pane.scrollHeight - pane.scrollTop;
    for (const message of [...body.items].reverse()) {
        prepend(message);
    }
    // Keep what the user was reading where it was.
    pane.scrollTop = pane.scrollHeight - fromBottom;
    $('older').hidden = body.items.length < PAGE;
}

function closeConversation() {
    open = null;
    $('conversation').hidden = true;
    $('chat-view').classList.remove('conversation-open');
}

function messageItem(message) {
    const file = FILE_ANNOUNCEMENT.exec(message.text);
    const body = file
        ? el('span', {className: 'file'}, `shared ${file[1]} (${file[2]} bytes) `,
            el('button', {type: 'button', className: 'download',
                onclick: action(() => downloadFile(file[3], file[1]))}, 'Download'))
        : el('span', {className: 'text'}, message.text);
    return el('li', {dataset: {seq: String(message.seq)}},
        el('time', {dateTime: message.serverTime, title: message.serverTime},
            new Date(message.serverTime).toLocaleTimeString()),
        el('span', {className: 'author'}, message.author.replace(/^sip:/, '')),
        body);
}

/** A newer message at the bottom; one already shown (from the history and the stream both) is not shown twice. */
function append(message) {
    if (open.shown.has(message.seq) || message.seq <= open.newest) {
        return;
    }
    open.shown.add(message.seq);
    open.newest = message.seq;
    if (open.oldest === null) {
        open.oldest = message.seq;
    }
    $('message-list').append(messageItem(message));
}

function prepend(message) {
    if (open.shown.has(message.seq)) {
        return;
    }
    open.shown.add(message.seq);
    open.oldest = Math.min(open.oldest ?? message.seq, message.seq);
    $('message-list').prepend(messageItem(message));
}

function scrollToNewest() {
    const pane = $('messages');
    pane.scrollTop = pane.scrollHeight;
}

async function send() {
    const text = $('compose').value;
    if (!text.trim()) {
        return;
    }
    const {body} = await call(`rooms/${encodeURIComponent(open.id)}/messages`, {method: 'POST', json: {text}});
    $('compose').value = '';
    // The stream brings it too; whichever comes first shows it.
    posted(open.id, body);
}

async function share() {
    const file = $('upload-file').files[0];
    if (!file) {
        throw new ApiError(400, 'No file chosen');
    }
    await call(`rooms/${encodeURIComponent(open.id)}/files/${encodeURIComponent(file.name)}`, {
        method: 'PUT', body: file, headers: {'Content-Type': file.type || 'application/octet-stream'}});
    $('upload-form').reset();
    status(`${file.name} shared.`);
}

async function downloadFile(address, fileName) {
    // The address is the API's own (…/api/v1/files/{id}); fetch it with the user's credentials.
    const path = new URL(address, document.baseURI).pathname.replace(/^.*\/api\/v1\//, '');
    saveBlob(await bytes(path), fileName);
}

async function search() {
    const text = $('search-text').value.trim();
    if (!text) {
        return;
    }
    const {body} = await call(`rooms/${encodeURIComponent(open.id)}/messages/search?text=${encodeURIComponent(text)}`);
    $('search-results').replaceChildren(...(body.items.length > 0
        ? body.items.map(messageItem) : [el('li', {className: 'muted'}, 'Nothing found.')]));
    $('search-results').hidden = false;
    $('messages').hidden = true;
    $('clear-search').hidden = false;
}

function endSearch() {
    $('search-results').hidden = true;
    $('search-results').replaceChildren();
    $('messages').hidden = false;
    $('clear-search').hidden = true;
    $('search-form').reset();
}

// ---- live --------------------------------------------------------------------------------------

/**
 * (Re)opens the one event stream of every followed room, saying what the page has of each (after=<room>:<seq>),
 * so what happened while it was away comes first, once. Reconnects after a failure, waiting longer each time.
 */
function connect() {
    if (stream) {
        stream.abort();
        stream = null;
    }
    if (!signedInUser() || rooms.size === 0) {
        $('connection').textContent = '';
        return;
    }
    const controller = new AbortController();
    stream = controller;
    const query = [...rooms.values()].flatMap(({room, lastSeq}) => [`room=${room.id}`,
        ...(lastSeq > 0 ? [`after=${room.id}:${lastSeq}`] : [])])
        .concat(session ? [`session=${encodeURIComponent(session)}`] : []).join('&');
    $('connection').textContent = 'Connecting…';
    events(`chat/events?${query}`, (name, id, data) => {
        $('connection').textContent = 'Live';
        retryMs = 1_000;
        onEvent(name, data);
    }, controller.signal).then(() => reconnect(controller), (error) => {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
            // A room went away or closed to us while we were not listening: read the list again.
            loadRooms().then(connect, reconnectLater(controller));
            return;
        }
        reconnect(controller);
    });
    $('connection').dataset.state = 'open';
}

function reconnect(controller) {
    if (controller.signal.aborted || stream !== controller) {
        return;
    }
    $('connection').textContent = 'Reconnecting…';
    $('connection').dataset.state = 'reconnecting';
    setTimeout(() => {
        if (stream === controller) {
            connect();
        }
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
}

function reconnectLater(controller) {
    return () => reconnect(controller);
}

function onEvent(name, data) {
    if (name === 'session') {
        session = data.session;
    } else if (name === 'post') {
        posted(data.room, data);
    } else if (name === 'entered' || name === 'left') {
        if (open && open.id === data.room) {
            $('message-list').append(el('li', {className: 'presence'},
                `${data.user.replace(/^sip:/, '')} ${name === 'entered' ? 'joined' : 'left'}`));
        }
    } else if (name === 'closed') {
        const entry = rooms.get(data.room);
        rooms.delete(data.room);
        if (open && open.id === data.room) {
            closeConversation();
        }
        renderRooms();
        status(`You may no longer read ${entry ? entry.room.name : 'a room'}.`);
    } else if (name === 'room') {
        call(`rooms/${encodeURIComponent(data.room)}`).then(({body}) => {
            const entry = rooms.get(body.id);
            if (entry) {
                entry.room = body;
                renderRooms();
                if (open && open.id === body.id) {
                    $('conversation-name').textContent = body.name;
                    $('conversation-topic').textContent = body.topic || '';
                }
            }
        }, () => {});
    }
}

function posted(roomId, message) {
    const entry = rooms.get(roomId);
    if (!entry) {
        return;
    }
    if (message.seq > entry.lastSeq) {
        entry.lastSeq = message.seq;
    }
    if (open && open.id === roomId) {
        const pane = $('messages');
        const atBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 40;
        append(message);
        if (atBottom || message.author.startsWith(`sip:${signedInUser()}@`)) {
            scrollToNewest();
        }
    } else if (message.seq > 0) {
        entry.unread += 1;
        renderRooms();
    }
}

// ---- signing in and out ------------------------------------------------------------------------

async function signInAndLoad() {
    await signInWithForm();
    $('chat-view').hidden = false;
    $('show-room-list').hidden = false;
    await loadRooms();
    connect();
    status(rooms.size > 0 ? 'Choose a room.' : '');
}

function leavePage() {
    if (stream) {
        stream.abort();
        stream = null;
    }
    if (session && signedInUser()) {
        // Leave the rooms now rather than after the grace a dropped connection gets.
        call(`chat/sessions/${encodeURIComponent(session)}`, {method: 'DELETE'}).catch(() => {});
    }
    session = null;
    signOutToForm();
    rooms.clear();
    closeConversation();
    $('chat-rooms').replaceChildren();
    $('found-rooms').replaceChildren();
    $('chat-view').hidden = true;
    $('show-room-list').hidden = true;
    $('connection').textContent = '';
}

function wire() {
    $('sign-in-form').addEventListener('submit', action(signInAndLoad));
    $('sign-out').addEventListener('click', action(async () => {
        leavePage();
        status('Signed out.');
    }));
    whenUnauthenticated(leavePage);
    $('find-form').addEventListener('submit', action(findRooms));
    $('unfollow').addEventListener('click', action(unfollow));
    $('older').addEventListener('click', action(loadOlder));
    $('messages').addEventListener('scroll', () => {
        if ($('messages').scrollTop === 0 && open && !$('older').hidden) {
            action(loadOlder)();
        }
    });
    $('compose-form').addEventListener('submit', action(send));
    $('compose').addEventListener('keydown', (event) => {
        // Enter sends, Shift+Enter is a new line (as in every chat client); not while composing with an IME.
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            action(send)();
        }
    });
    $('upload-form').addEventListener('submit', action(share));
    $('search-form').addEventListener('submit', action(search));
    $('clear-search').addEventListener('click', endSearch);
    $('show-room-list').addEventListener('click', () => $('chat-view').classList.toggle('list-shown'));
    document.body.dataset.ready = 'true';
}

wire();
