// What every screen of the page shares: building nodes from user text (always as text, never as markup), the
// status line, the error box and the one way a user action runs.

import {ApiError, call, signIn, signOut, signedInUser} from './api.js';

export const $ = (id) => document.getElementById(id);

/** An element with properties (dataset and onclick handled) and children; strings become text nodes. */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (key === 'dataset') {
            Object.assign(node.dataset, value);
        } else if (key === 'onclick') {
            node.addEventListener('click', value);
        } else {
            node[key] = value;
        }
    }
    for (const child of children) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

export function status(text) {
    $('status').textContent = text;
}

/**
 * Signs in with the page's sign-in form (every page has the same one: sign-in-view, user, password) and shows who is
 * signed in (session, signed-in-as); the page then shows its own views.
 */
export async function signInWithForm() {
    await signIn($('user').value.trim(), $('password').value);
    $('password').value = '';
    $('sign-in-view').hidden = true;
    $('signed-in-as').textContent = signedInUser();
    $('session').hidden = false;
}

/** Forgets the credentials and shows the sign-in form again; the page hides its own views. */
export function signOutToForm() {
    signOut();
    $('session').hidden = true;
    $('sign-in-view').hidden = false;
    $('password').value = '';
}

/** Called when the server no longer knows the credentials (401 mid-session); the page signs out. */
let onUnauthenticated = () => {};

export function whenUnauthenticated(handler) {
    onUnauthenticated = handler;
}

export function showError(error) {
    const box = $('error');
    if (error instanceof ApiError) {
        const lines = [error.message, ...error.violations.map((v) => `${v.field}: ${v.message}`)];
        box.textContent = lines.join('\n');
        if (error.status === 401 && signedInUser()) {
            // The password changed or the account went away mid-session: start again.
            onUnauthenticated();
        }
    } else {
        box.textContent = `Unexpected error: ${error && error.message ? error.message : error}`;
    }
    box.hidden = false;
    status('');
}

export function clearError() {
    $('error').hidden = true;
    $('error').textContent = '';
}

/**
 * Runs one user action: clears the last error and status (what the page says next is about this action), reports
 * a failure visibly, never lets it escape.
 */
export function action(handler) {
    return async (event) => {
        if (event) {
            event.preventDefault();
        }
        clearError();
        status('');
        try {
            await handler(event);
        } catch (error) {
            showError(error);
        }
    };
}

/** Every item of a paged list ({items, page, size, totalItems}), fetched a page of 100 at a time. */
export async function allItems(path) {
    const items = [];
    for (let page = 0; ; page++) {
        const separator = path.includes('?') ? '&' : '?';
        const {body} = await call(`${path}${separator}page=${page}&size=100`);
        items.push(...body.items);
        if (body.items.length === 0 || items.length >= body.totalItems) {
            return items;
        }
    }
}

/**
 * A 412 said in words: someone changed the thing since it was shown. The user's edits stay on screen; Reload
 * shows the current version.
 */
export function staleAs(what) {
    return (error) => {
        if (error instanceof ApiError && error.status === 412) {
            throw new ApiError(412, `The ${what} was changed by someone else since you opened it`,
                'press Reload to see the current version, then make your change again');
        }
        throw error;
    };
}

/** Saves bytes the page fetched (downloads need the Authorization header, so a plain link would not do). */
export function saveBlob(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const link = el('a', {href: url, download: fileName, hidden: true});
    document.body.append(link);
    link.click();
    link.remove();
    // The download has taken its copy once the click is handled; give the browser a moment before freeing.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
