// Room management for a signed-in user. Every piece of user-supplied text reaches the page through
// textContent or a form field's value, never as markup.

import {ApiError, call, download} from './api.js';
import {
    $, action, allItems, el, saveBlob, signInWithForm, signOutToForm, staleAs, status, whenUnauthenticated,
} from './ui.js';
import {startConsole, stopConsole} from './admin.js';

/** The room shown in the detail panel and the ETag of the version we showed (sent back as If-Match). */
let current = null;

function leave() {
    signOutToForm();
    stopConsole();
    current = null;
    $('rooms-view').hidden = true;
    $('room').hidden = true;
    $('my-rooms').replaceChildren();
}

// ---- rooms -------------------------------------------------------------------------------------

/** Rooms the user is a member of and rooms the user manages (a room's creator manages it), one list. */
async function loadMyRooms() {
    const [members, managers] = await Promise.all([
        allItems('rooms/mine?role=member'), allItems('rooms/mine?role=manager')]);
    const byId = new Map();
    for (const room of members) {
        byId.set(room.id, {room, roles: ['member']});
    }
    for (const room of managers) {
        const entry = byId.get(room.id) || {room, roles: []};
        entry.roles.push('manager');
        byId.set(room.id, entry);
    }
    const entries = [...byId.values()].sort((a, b) => a.room.name.localeCompare(b.room.name));
    $('my-rooms').replaceChildren(...entries.map(({room, roles}) => el('li',
        {dataset: {roomId: room.id}, className: current && current.room.id === room.id ? 'selected' : ''},
        el('button', {type: 'button', className: 'open', onclick: action(() => openRoom(room.id))}, room.name),
        el('span', {className: 'role'}, `${roles.join(', ')}${room.topic ? ' · ' + room.topic : ''}`))));
    $('no-rooms').hidden = entries.length > 0;
}

async function createRoom() {
    const created = await call('rooms', {method: 'POST', json: {
        name: $('new-room-name').value.trim(),
        description: $('new-room-description').value,
        privacy: $('new-room-privacy').value,
    }});
    $('new-room-form').reset();
    await openRoom(created.body.id);
    await loadMyRooms();
    status(`Room "${created.body.name}" created.`);
}

async function openRoom(id) {
    const room = await call(`rooms/${encodeURIComponent(id)}`);
    current = {room: room.body, etag: room.etag};
    showRoom();
    await Promise.all([loadRoles(), loadFiles()]);
    for (const item of $('my-rooms').children) {
        item.classList.toggle('selected', item.dataset.roomId === id);
    }
}

function showRoom() {
    const room = current.room;
    $('room').hidden = false;
    $('room').dataset.roomId = room.id;
    $('room-title').textContent = room.name;
    $('room-uri').textContent = room.uri;
    $('settings-name').value = room.name;
    $('settings-description').value = room.description || '';
    $('settings-topic').value = room.topic || '';
    $('settings-privacy').value = room.privacy;
    $('settings-type').value = room.type;
    $('settings-invitations').value = room.invitations;
    $('files-disallowed').hidden = room.fileUploadAllowed;
    $('upload-form').hidden = !room.fileUploadAllowed;
}

async function saveSettings() {
    try {
        const saved = await call(`rooms/${encodeURIComponent(current.room.id)}`, {
            method: 'PUT',
            headers: {'If-Match': current.etag},
            json: {
                name: $('settings-name').value.trim(),
                description: $('settings-description').value,
                topic: $('settings-topic').value,
                privacy: $('settings-privacy').value,
                type: $('settings-type').value,
                invitations: $('settings-invitations').value,
            },
        });
        current = {room: saved.body, etag: saved.etag};
    } catch (error) {
        // Someone changed the room since we showed it: the user's edits stay on screen, the page says so.
        staleAs('room')(error);
    }
    showRoom();
    await loadMyRooms();
    status('Settings saved.');
}

// ---- members and managers ------------------------------------------------------------------------

/** "bob" means bob in the room's own SIP domain; sip:, group: and domain: principals pass as typed. */
function principal(typed) {
    const text = typed.trim();
    if (/^(sip|group|domain):/i.test(text)) {
        return text;
    }
    const domain = new URL(current.room.uri.replace(/^ma-chan:/, 'http:')).hostname;
    return `sip:${text}@${domain}`;
}

async function loadRoles() {
    const id = encodeURIComponent(current.room.id);
    const [members, managers] = await Promise.all([allItems(`rooms/${id}/members`), allItems(`rooms/${id}/managers`)]);
    showPrincipals('members', 'members', members);
    showPrincipals('managers', 'managers', managers);
}

function showPrincipals(listId, role, principals) {
    $(listId).replaceChildren(...principals.map((name) => el('li', {dataset: {principal: name}},
        el('span', {className: 'principal'}, name), ' ',
        el('button', {type: 'button', className: 'remove', onclick: action(() => changeRole('DELETE', role, name))},
            'Remove'))));
}

async function changeRole(method, role, name) {
    const id = encodeURIComponent(current.room.id);
    await call(`rooms/${id}/${role}/${encodeURIComponent(name)}`, {method});
    // Roles are part of the room's version: refresh the ETag so a following settings change is not refused.
    const room = await call(`rooms/${id}`);
    current = {room: room.body, etag: room.etag};
    await loadRoles();
    status(method === 'PUT' ? `${name} added to ${role}.` : `${name} removed from ${role}.`);
}

// ---- files -------------------------------------------------------------------------------------

async function loadFiles() {
    const files = await call(`rooms/${encodeURIComponent(current.room.id)}/files?size=100`);
    $('files').replaceChildren(...files.body.items.map((file) => el('li', {dataset: {fileId: file.id}},
        el('span', {className: 'file-name'}, file.fileName),
        el('span', {className: 'muted'}, ` ${file.sizeBytes} bytes, ${file.uploader}, ${file.uploadedAt} `),
        el('button', {type: 'button', className: 'download', onclick: action(() => save(file))}, 'Download'))));
    $('no-files').hidden = files.body.items.length > 0;
}

async function upload() {
    const chosen = $('upload-file').files[0];
    if (!chosen) {
        throw new ApiError(400, 'Choose a file first');
    }
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    status(`Uploading ${chosen.name}…`);
    const stored = await call(`rooms/${encodeURIComponent(current.room.id)}/files`, {method: 'POST', body: form});
    $('upload-form').reset();
    await loadFiles();
    status(`Uploaded "${stored.body.fileName}" (${stored.body.sizeBytes} bytes).`);
}

/** Downloads need the Authorization header, so a plain link would not do: fetch, then save the bytes. */
async function save(file) {
    saveBlob(await download(file.id), file.fileName);
    status(`Downloaded "${file.fileName}".`);
}

// ---- wiring ------------------------------------------------------------------------------------

$('sign-in-form').addEventListener('submit', action(async () => {
    await signInWithForm();
    $('rooms-view').hidden = false;
    await loadMyRooms();
    // Administrators get the console beside their rooms; for anyone else the page stays as it was.
    await startConsole((await call('me')).body, openRoom);
    status('Signed in.');
}));
$('sign-out').addEventListener('click', action(async () => {
    leave();
    status('Signed out.');
}));
$('refresh-rooms').addEventListener('click', action(loadMyRooms));
$('new-room-form').addEventListener('submit', action(createRoom));
$('settings-form').addEventListener('submit', action(saveSettings));
$('reload-room').addEventListener('click', action(async () => {
    await openRoom(current.room.id);
    status('Room reloaded.');
}));
$('add-member-form').addEventListener('submit', action(async () => {
    await changeRole('PUT', 'members', principal($('member').value));
    $('member').value = '';
}));
$('add-manager-form').addEventListener('submit', action(async () => {
    await changeRole('PUT', 'managers', principal($('manager').value));
    $('manager').value = '';
}));
$('upload-form').addEventListener('submit', action(upload));
whenUnauthenticated(leave);
document.body.dataset.ready = 'true';
