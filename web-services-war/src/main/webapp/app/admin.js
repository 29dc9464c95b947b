// The administrator's console: categories, rooms, policies, groups, administrators, add-ins, history, export and
// import, compliance. Each screen is a thin view of the admin API (/parley/api/v1/admin/...): the server decides
// every right and every rule, and its problem+json errors are shown as they come. Versioned things (categories,
// rooms) are changed with the ETag of the version shown, so a change made meanwhile by someone else is refused
// (412) and said so. All user text goes in through textContent or a field's value, never as markup.

import {ApiError, bytes, call} from './api.js';
import {$, action, allItems, el, saveBlob, staleAs, status} from './ui.js';

/** The SIP domain the signed-in user belongs to: "bob" typed in a field means sip:bob@<domain>. */
let domain = null;
/** How the rooms view opens a room in its own panel (settings, members, managers, files). */
let openRoomPanel = null;

let category = null;  // {body, etag} of the category shown
let room = null;      // {body, etag} of the room shown
let group = null;     // the group shown (groups carry no version)

const path = (text) => encodeURIComponent(text);

/** "bob" means bob in the user's own SIP domain; sip:, group:, domain: and ou: principals pass as typed. */
function principal(typed) {
    const text = typed.trim();
    if (/^(sips?|group|domain|ou):/i.test(text)) {
        return text;
    }
    return text.includes('@') ? `sip:${text}` : `sip:${text}@${domain}`;
}

function removable(name, onRemove, label = 'Remove') {
    return el('li', {dataset: {principal: name}}, el('span', {className: 'principal'}, name), ' ',
        el('button', {type: 'button', className: 'remove', onclick: action(onRemove)}, label));
}

// ---- screens -----------------------------------------------------------------------------------

const screens = {
    categories: loadCategories,
    rooms: searchRooms,
    policies: loadPolicies,
    groups: loadGroups,
    administrators: loadAdministrators,
    addins: loadAddIns,
    history: loadHistoryRooms,
    store: loadStoreScreen,
    compliance: loadCompliance,
};

async function showScreen(name) {
    for (const button of $('console-tabs').querySelectorAll('button[data-screen]')) {
        button.setAttribute('aria-pressed', String(button.dataset.screen === name));
    }
    for (const screen of document.querySelectorAll('#console-view section.screen')) {
        screen.hidden = screen.id !== `screen-${name}`;
    }
    await screens[name]();
}

// ---- categories --------------------------------------------------------------------------------

async function loadCategories() {
    const categories = await allItems('categories');
    $('categories').replaceChildren(...categories.map((c) => el('li',
        {dataset: {categoryId: c.id}, className: category && category.body.id === c.id ? 'selected' : ''},
        el('button', {type: 'button', className: 'open', onclick: action(() => openCategory(c.id))}, c.name))));
    const moveTo = categories.filter((c) => !category || c.id !== category.body.id);
    $('category-move-to').replaceChildren(el('option', {value: ''}, '(none: it must be empty)'),
        ...moveTo.map((c) => el('option', {value: c.id}, c.name)));
    return categories;
}

async function openCategory(id) {
    category = await call(`categories/${path(id)}`);
    showCategory();
    await loadCategories();
}

function showCategory() {
    const c = category.body;
    $('category').hidden = false;
    $('category').dataset.categoryId = c.id;
    $('category-title').textContent = c.name;
    $('category-uri').textContent = c.uri;
    $('category-name').value = c.name;
    $('category-invitations').checked = c.invitationsAllowed;
    $('category-files').checked = c.fileUploadAllowed;
    $('category-history').checked = c.chatHistoryEnabled;
    $('category-retention').value = c.retentionDays ?? '';
    for (const list of ['allowed-members', 'denied-members', 'creators']) {
        const key = list.replace(/-(\w)/, (_, letter) => letter.toUpperCase());
        $(`category-${list}`).replaceChildren(...(c[key] || []).map((name) =>
            removable(name, () => changeCategoryList('DELETE', list, name))));
    }
}

async function createCategory() {
    const created = await call('categories', {method: 'POST', json: {name: $('new-category-name').value.trim()}});
    $('new-category-form').reset();
    category = {body: created.body, etag: created.etag};
    showCategory();
    await loadCategories();
    status(`Category "${created.body.name}" created.`);
}

async function saveCategory() {
    const c = category.body;
    category = await call(`admin/categories/${path(c.id)}`, {
        method: 'PUT',
        headers: {'If-Match': category.etag},
        json: {
            name: $('category-name').value.trim(),
            invitationsAllowed: $('category-invitations').checked,
            fileUploadAllowed: $('category-files').checked,
            chatHistoryEnabled: $('category-history').checked,
        },
    }).catch(staleAs('category'));
    showCategory();
    await loadCategories();
    status('Category saved.');
}

async function changeCategoryList(method, list, name) {
    const c = category.body;
    category = await call(`admin/categories/${path(c.id)}/${list}/${path(name)}`, {method});
    showCategory();
    status(method === 'PUT' ? `${name} added to ${list}.` : `${name} removed from ${list}.`);
}

async function setCategoryRetention() {
    const typed = $('category-retention').value.trim();
    const days = typed === '' ? null : Number(typed);
    await call(`admin/categories/${path(category.body.id)}/retention`, {method: 'PUT', json: {days}});
    await openCategory(category.body.id);
    status(days ? `Rooms of "${category.body.name}" keep history for ${days} days.`
        : `Rooms of "${category.body.name}" keep history for ever.`);
}

async function deleteCategory() {
    const c = category.body;
    const moveTo = $('category-move-to').value;
    const query = moveTo ? `?moveRoomsTo=${path(moveTo)}` : '';
    const removed = await call(`admin/categories/${path(c.id)}${query}`,
        {method: 'DELETE', headers: {'If-Match': category.etag}}).catch(staleAs('category'));
    category = null;
    $('category').hidden = true;
    await loadCategories();
    status(`Category "${c.name}" deleted; ${removed.body.roomsMoved} rooms moved.`);
}

// ---- rooms -------------------------------------------------------------------------------------

async function searchRooms() {
    const name = $('room-search').value.trim();
    const rooms = await allItems(name ? `rooms?name=${path(name)}` : 'rooms');
    $('room-results').replaceChildren(...rooms.map((r) => el('li',
        {dataset: {roomId: r.id}, className: room && room.body.id === r.id ? 'selected' : ''},
        el('button', {type: 'button', className: 'open', onclick: action(() => openRoom(r.id))}, r.name),
        el('span', {className: 'role'}, `${r.categoryName} · ${r.privacy.toLowerCase()}${r.disabled ? ' · disabled' : ''}`))));
}

async function openRoom(id) {
    room = await call(`rooms/${path(id)}`);
    await showRoom();
}

async function showRoom() {
    const r = room.body;
    const id = path(r.id);
    const [categories, presenters, retention] = await Promise.all([
        allItems('categories'), allItems(`rooms/${id}/presenters`), call('admin/retention')]);
    $('admin-room').hidden = false;
    $('admin-room').dataset.roomId = r.id;
    $('admin-room-title').textContent = r.name;
    const kept = retention.body.find((entry) => entry.roomUri === r.uri);
    $('admin-room-summary').textContent = [r.categoryName, r.privacy.toLowerCase(), r.type.toLowerCase(),
        r.disabled ? 'disabled' : 'enabled', kept ? `history kept ${kept.days} days` : 'history kept for ever',
        r.uri].join(' · ');
    $('admin-room-disable').hidden = r.disabled;
    $('admin-room-enable').hidden = !r.disabled;
    $('admin-room-category').replaceChildren(...categories.map((c) =>
        el('option', {value: c.uri, selected: c.uri === r.categoryUri}, c.name)));
    $('admin-room-presenters').replaceChildren(...presenters.map((name) =>
        removable(name, () => changePresenter('DELETE', name))));
    for (const item of $('room-results').children) {
        item.classList.toggle('selected', item.dataset.roomId === r.id);
    }
}

async function setRoomEnabled(enabled) {
    const r = room.body;
    room = await call(`rooms/${path(r.id)}/${enabled ? 'enable' : 'disable'}`, {method: 'POST'});
    await showRoom();
    await searchRooms();
    status(`Room "${r.name}" ${enabled ? 'enabled' : 'disabled'}.`);
}

async function moveRoom() {
    const r = room.body;
    room = await call(`admin/rooms/${path(r.id)}/category`, {
        method: 'PUT', headers: {'If-Match': room.etag}, json: {categoryUri: $('admin-room-category').value},
    }).catch(staleAs('room'));
    await showRoom();
    await searchRooms();
    status(`Room "${r.name}" moved to "${room.body.categoryName}".`);
}

async function changePresenter(method, name) {
    const id = path(room.body.id);
    await call(`rooms/${id}/presenters/${path(name)}`, {method});
    // Roles are part of the room's version: read it again so the next versioned change is not refused.
    room = await call(`rooms/${id}`);
    await showRoom();
    status(method === 'PUT' ? `${name} presents in the room.` : `${name} no longer presents.`);
}

async function invite() {
    const invitee = principal($('admin-room-invitee').value);
    await call(`rooms/${path(room.body.id)}/invitations`, {method: 'POST', json: {invitee}});
    $('admin-room-invitee').value = '';
    status(`${invitee} invited to "${room.body.name}".`);
}

async function setRoomRetention() {
    const typed = $('admin-room-retention').value.trim();
    const days = typed === '' ? null : Number(typed);
    await call(`admin/rooms/${path(room.body.id)}/retention`, {method: 'PUT', json: {days}});
    room = await call(`rooms/${path(room.body.id)}`);
    await showRoom();
    status(days === null ? 'The room keeps history as its category does.'
        : days === 0 ? 'The room keeps history for ever.' : `The room keeps history for ${days} days.`);
}

async function deleteRoom() {
    const r = room.body;
    await call(`rooms/${path(r.id)}`, {method: 'DELETE', headers: {'If-Match': room.etag}}).catch(staleAs('room'));
    room = null;
    $('admin-room').hidden = true;
    await searchRooms();
    status(`Room "${r.name}" deleted.`);
}

// ---- policies, groups, administrators, add-ins -------------------------------------------------

async function loadPolicies() {
    const policies = await allItems('admin/policies');
    const named = policies.filter((p) => p.name !== 'Global');
    // A policy another administrator removes between the two requests is no longer listed, and no error.
    const holders = await Promise.all(named.map((p) => call(`admin/policies/${path(p.name)}/users`)
        .then((found) => found.body, (e) => {
            if (e.status === 404) {
                return null;
            }
            throw e;
        })));
    const usersOf = new Map(named.map((p, i) => [p.name, holders[i]]));
    const listed = policies.filter((p) => p.name === 'Global' || usersOf.get(p.name) !== null);
    $('policies').replaceChildren(...listed.map((p) => el('li', {dataset: {policy: p.name}},
        el('strong', {}, p.name), ` chat ${p.chatEnabled ? 'on' : 'off'}`,
        el('span', {className: 'role'}, p.name === 'Global' ? 'everyone without a policy of their own'
            : (usersOf.get(p.name).join(', ') || 'nobody')), ' ',
        p.name === 'Global' ? '' : el('button', {type: 'button', className: 'remove',
            onclick: action(() => removePolicy(p.name))}, 'Remove'))));
    $('assign-policy').replaceChildren(...listed.map((p) =>
        el('option', {value: p.name === 'Global' ? '' : p.name}, p.name === 'Global' ? 'Global (none of their own)' : p.name)));
}

async function definePolicy() {
    const name = $('policy-name').value.trim();
    const chatEnabled = $('policy-enabled').checked;
    await call(name.toLowerCase() === 'global' ? 'admin/policies/global' : `admin/policies/${path(name)}`,
        {method: 'PUT', json: {chatEnabled}});
    $('policy-form').reset();
    await loadPolicies();
    status(`Policy "${name}": chat ${chatEnabled ? 'on' : 'off'}.`);
}

async function removePolicy(name) {
    const removed = await call(`admin/policies/${path(name)}`, {method: 'DELETE'});
    await loadPolicies();
    status(`Policy "${name}" removed; ${removed.body.usersBackOnGlobal} users back on Global.`);
}

async function assignPolicy() {
    const user = principal($('assign-user').value);
    const policy = $('assign-policy').value || null;
    await call(`admin/users/${path(user)}/policy`, {method: 'PUT', json: {policy}});
    $('assign-user').value = '';
    await loadPolicies();
    status(`${user} now has ${policy ? `the policy "${policy}"` : 'Global'}.`);
}

async function loadGroups() {
    const groups = await allItems('admin/groups');
    $('groups').replaceChildren(...groups.map((g) => el('li', {dataset: {group: g.name}},
        el('button', {type: 'button', className: 'open', onclick: action(() => openGroup(g.name))}, g.name),
        el('span', {className: 'role'}, `${g.members.length} members`))));
}

async function openGroup(name) {
    group = (await call(`admin/groups/${path(name)}`)).body;
    showGroup();
}

function showGroup() {
    $('group').hidden = false;
    $('group').dataset.group = group.name;
    $('group-title').textContent = group.name;
    $('group-members').replaceChildren(...group.members.map((member) =>
        removable(member, () => changeGroupMember('DELETE', member))));
}

async function createGroup() {
    const created = await call('admin/groups', {method: 'POST', json: {name: $('new-group-name').value.trim()}});
    $('new-group-form').reset();
    group = created.body;
    showGroup();
    await loadGroups();
    status(`Group "${group.name}" created.`);
}

async function changeGroupMember(method, member) {
    group = (await call(`admin/groups/${path(group.name)}/members/${path(member)}`, {method})).body;
    showGroup();
    await loadGroups();
    status(method === 'PUT' ? `${member} added to "${group.name}".` : `${member} removed from "${group.name}".`);
}

async function deleteGroup() {
    const name = group.name;
    await call(`admin/groups/${path(name)}`, {method: 'DELETE'});
    group = null;
    $('group').hidden = true;
    await loadGroups();
    status(`Group "${name}" deleted.`);
}

async function loadAdministrators() {
    const administrators = (await call('admin/administrators')).body;
    $('administrators').replaceChildren(...administrators.map((uri) =>
        removable(uri, () => changeAdministrator('DELETE', uri), 'Revoke')));
}

async function changeAdministrator(method, user) {
    await call(`admin/administrators/${path(user)}`, {method});
    $('administrator').value = '';
    await loadAdministrators();
    status(method === 'PUT' ? `${user} administers Persistent Chat.` : `${user} no longer administers Persistent Chat.`);
}

async function loadAddIns() {
    const addIns = (await call('admin/addins')).body;
    $('addins').replaceChildren(...addIns.map((addIn) => el('li', {dataset: {addin: addIn.name}},
        el('strong', {}, addIn.name), ' ', el('span', {className: 'muted'}, addIn.url), ' ',
        el('button', {type: 'button', className: 'remove', onclick: action(() => removeAddIn(addIn.name))},
            'Remove'))));
}

async function saveAddIn() {
    const name = $('addin-name').value.trim();
    await call(`admin/addins/${path(name)}`, {method: 'PUT', json: {url: $('addin-url').value.trim()}});
    $('addin-form').reset();
    await loadAddIns();
    status(`Add-in "${name}" registered.`);
}

async function removeAddIn(name) {
    await call(`admin/addins/${path(name)}`, {method: 'DELETE'});
    await loadAddIns();
    status(`Add-in "${name}" removed; the rooms that had it have none.`);
}

// ---- history and retention ---------------------------------------------------------------------

async function loadHistoryRooms() {
    const rooms = await allItems('rooms');
    const chosen = new Set([...$('history-rooms').selectedOptions].map((option) => option.value));
    $('history-rooms').replaceChildren(...rooms.map((r) =>
        el('option', {value: r.id, selected: chosen.has(r.id)}, r.name)));
}

/** The filter as the form says it; datetime-local fields are the browser's local time. */
function historyFilter(dryRun) {
    const filter = {dryRun};
    const rooms = [...$('history-rooms').selectedOptions].map((option) => option.value);
    if (rooms.length) {
        filter.rooms = rooms;
    }
    if ($('history-author').value.trim()) {
        filter.author = principal($('history-author').value);
    }
    for (const [field, key] of [['history-from', 'from'], ['history-to', 'to']]) {
        if ($(field).value) {
            filter[key] = new Date($(field).value).toISOString();
        }
    }
    if ($('history-text').value) {
        filter.textContains = $('history-text').value;
    }
    const replacement = $('history-replacement').value;
    if (replacement) {
        filter.text = replacement;
    }
    return {filter, replacing: Boolean(replacement)};
}

async function rewriteHistory(dryRun) {
    const {filter, replacing} = historyFilter(dryRun);
    const result = (await call(`admin/history/${replacing ? 'replace' : 'remove'}`, {method: 'POST', json: filter})).body;
    const verb = replacing ? 'replace' : 'remove';
    $('history-result').textContent = dryRun
        ? `${result.messages} messages match (${result.filter}); nothing changed yet.`
        : `${result.messages} messages ${replacing ? 'replaced' : 'removed'} (${result.filter}).`;
    $('history-rooms-result').replaceChildren(...result.rooms.map((r) =>
        el('li', {dataset: {roomUri: r.roomUri}}, `${r.roomName}: ${r.messages}`)));
    status(dryRun ? `Counted what a ${verb} would change.` : `History ${replacing ? 'replaced' : 'removed'}.`);
}

async function retention(run) {
    const rooms = (await call(run ? 'admin/retention/run' : 'admin/retention', run ? {method: 'POST'} : {})).body;
    $('retention-rooms').replaceChildren(...rooms.map((r) => el('li', {dataset: {roomUri: r.roomUri}},
        `${r.roomName}: ${r.messages} messages before ${r.cutoff} (${r.days} days)`)));
    status(run ? `Retention ran: ${rooms.length} rooms with retention.` : `${rooms.length} rooms keep history for a while.`);
}

// ---- export and import -------------------------------------------------------------------------

async function loadStoreScreen() {
    const [rooms, categories] = await Promise.all([allItems('rooms'), allItems('categories')]);
    const keep = (id) => new Set([...$(id).selectedOptions].map((option) => option.value));
    const chosenRooms = keep('export-rooms');
    const chosenCategories = keep('export-categories');
    $('export-rooms').replaceChildren(...rooms.map((r) => el('option', {value: r.id, selected: chosenRooms.has(r.id)}, r.name)));
    $('export-categories').replaceChildren(...categories.map((c) =>
        el('option', {value: c.id, selected: chosenCategories.has(c.id)}, c.name)));
}

/** The export's query: the rooms and categories chosen, the dates (the browser's local time), files or not. */
function exportQuery() {
    const query = new URLSearchParams();
    for (const option of $('export-rooms').selectedOptions) {
        query.append('room', option.value);
    }
    for (const option of $('export-categories').selectedOptions) {
        query.append('category', option.value);
    }
    for (const [field, key] of [['export-from', 'from'], ['export-to', 'to']]) {
        if ($(field).value) {
            query.set(key, new Date($(field).value).toISOString());
        }
    }
    if ($('export-files').checked) {
        query.set('files', 'true');
    }
    const text = query.toString();
    return text ? `?${text}` : '';
}

async function exportStore() {
    status('Exporting…');
    saveBlob(await bytes(`admin/export${exportQuery()}`), `parley-store-${new Date().toISOString().slice(0, 10)}.json`);
    status('Store exported.');
}

async function importStore(dryRun) {
    const file = $('import-file').files[0];
    if (!file) {
        throw new ApiError(400, 'Choose a chat store document first');
    }
    status(`${dryRun ? 'Trying' : 'Importing'} ${file.name}…`);
    const query = new URLSearchParams({mode: $('import-mode').value, dryRun: String(dryRun)});
    const report = (await call(`admin/import?${query}`, {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: file,
    })).body;
    $('import-result').textContent = `${dryRun ? 'Would add' : 'Added'} ${report.policies} policies, `
        + `${report.users} users, ${report.groups} groups, ${report.addIns} add-ins, ${report.categories} `
        + `categories, ${report.rooms} rooms, ${report.messages} messages, ${report.files} files; `
        + `${dryRun ? 'would change' : 'changed'} ${report.updated}; ${report.kept} already here as they are.`;
    $('import-changes').replaceChildren(...report.changes.map((change) => el('li', {}, change)));
    status(dryRun ? 'Import tried; nothing changed.' : 'Store imported.');
}

// ---- compliance --------------------------------------------------------------------------------

async function loadCompliance() {
    const c = (await call('admin/compliance')).body;
    const figure = (label, value, id) => el('div', {dataset: {figure: id}}, el('dt', {}, label), el('dd', {}, value));
    $('compliance-figures').replaceChildren(
        figure('Compliance', c.enabled ? 'on' : 'off', 'enabled'),
        figure('Waiting to be relayed (outbox)', c.outboxEvents, 'outbox'),
        figure('Backlog (events)', c.backlogEvents, 'backlog'),
        figure('Oldest in the backlog', c.oldestBacklogEvent || '-', 'oldest'),
        figure('Dead-lettered', `${c.deadLetters.count}${c.deadLetters.countLimited ? '+' : ''}`, 'dead-letters'));
    $('compliance-adapters').replaceChildren(...c.adapters.map((adapter) => el('li',
        {className: adapter.lastError ? 'down' : 'up', dataset: {adapter: adapter.name}},
        `${adapter.name}: ${adapter.deliveredEvents} delivered, ${adapter.failures} failures`
        + (adapter.lastError ? `, last error: ${adapter.lastError}` : ''))));
}

async function runCompliance() {
    const run = (await call('admin/compliance/run', {method: 'POST'})).body;
    await loadCompliance();
    status(`Compliance run: ${run.delivered} deliveries, ${run.failures} failures, ${run.deleted} events done.`);
}

// ---- wiring ------------------------------------------------------------------------------------

/**
 * Offers the console to an administrator (the rooms view calls it after sign-in).
 *
 * @param me       GET me: {user, uri, administrator}
 * @param openRoom opens a room in the rooms view's own panel
 */
export async function startConsole(me, openRoom) {
    domain = me.uri.slice(me.uri.indexOf('@') + 1);
    openRoomPanel = openRoom;
    $('views').hidden = !me.administrator;
    showView('rooms');
}

export function stopConsole() {
    category = room = group = null;
    domain = openRoomPanel = null;
    $('views').hidden = true;
    $('console-view').hidden = true;
    for (const detail of ['category', 'admin-room', 'group']) {
        $(detail).hidden = true;
    }
    for (const text of ['history-result', 'import-result']) {
        $(text).textContent = '';
    }
    $('import-changes').replaceChildren();
}

function showView(name) {
    $('rooms-view').hidden = name !== 'rooms';
    $('console-view').hidden = name !== 'console';
    $('show-rooms').setAttribute('aria-pressed', String(name === 'rooms'));
    $('show-console').setAttribute('aria-pressed', String(name === 'console'));
}

$('show-rooms').addEventListener('click', action(async () => showView('rooms')));
$('show-console').addEventListener('click', action(async () => {
    showView('console');
    const pressed = $('console-tabs').querySelector('button[aria-pressed="true"]');
    await showScreen(pressed ? pressed.dataset.screen : 'categories');
}));
for (const button of $('console-tabs').querySelectorAll('button[data-screen]')) {
    button.addEventListener('click', action(() => showScreen(button.dataset.screen)));
}

$('new-category-form').addEventListener('submit', action(createCategory));
$('category-settings-form').addEventListener('submit', action(saveCategory));
$('reload-category').addEventListener('click', action(async () => {
    await openCategory(category.body.id);
    status('Category reloaded.');
}));
$('category-list-form').addEventListener('submit', action(async () => {
    await changeCategoryList('PUT', $('category-list').value, principal($('category-principal').value));
    $('category-principal').value = '';
}));
$('category-retention-form').addEventListener('submit', action(setCategoryRetention));
$('category-delete-form').addEventListener('submit', action(deleteCategory));

$('room-search-form').addEventListener('submit', action(searchRooms));
$('admin-room-settings').addEventListener('click', action(async () => {
    showView('rooms');
    await openRoomPanel(room.body.id);
}));
$('admin-room-disable').addEventListener('click', action(() => setRoomEnabled(false)));
$('admin-room-enable').addEventListener('click', action(() => setRoomEnabled(true)));
$('admin-room-reload').addEventListener('click', action(async () => {
    await openRoom(room.body.id);
    status('Room reloaded.');
}));
$('admin-room-move-form').addEventListener('submit', action(moveRoom));
$('admin-room-presenter-form').addEventListener('submit', action(async () => {
    await changePresenter('PUT', principal($('admin-room-presenter').value));
    $('admin-room-presenter').value = '';
}));
$('admin-room-invite-form').addEventListener('submit', action(invite));
$('admin-room-retention-form').addEventListener('submit', action(setRoomRetention));
$('admin-room-delete').addEventListener('click', action(deleteRoom));

$('policy-form').addEventListener('submit', action(definePolicy));
$('assign-policy-form').addEventListener('submit', action(assignPolicy));
$('new-group-form').addEventListener('submit', action(createGroup));
$('group-member-form').addEventListener('submit', action(async () => {
    await changeGroupMember('PUT', principal($('group-member').value));
    $('group-member').value = '';
}));
$('delete-group').addEventListener('click', action(deleteGroup));
$('administrator-form').addEventListener('submit', action(() =>
    changeAdministrator('PUT', principal($('administrator').value))));
$('addin-form').addEventListener('submit', action(saveAddIn));

$('history-form').addEventListener('submit', action(() => rewriteHistory(true)));
$('history-apply').addEventListener('click', action(() => rewriteHistory(false)));
$('retention-preview').addEventListener('click', action(() => retention(false)));
$('retention-run').addEventListener('click', action(() => retention(true)));

$('export-form').addEventListener('submit', action(exportStore));
$('import-form').addEventListener('submit', action(() => importStore(true)));
$('import-store').addEventListener('click', action(() => importStore(false)));

$('compliance-refresh').addEventListener('click', action(loadCompliance));
$('compliance-run').addEventListener('click', action(runCompliance));
