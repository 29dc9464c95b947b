// The web services as the signed-in user sees them. The password stays in this module's memory only (not in
// storage, not in a cookie): a reload or "Sign out" forgets it, and nothing else on the origin can read it.

const BASE = new URL('api/v1/', document.baseURI);

/** An error the server explained (problem+json) or one we describe the same way, shown to the user as is. */
export class ApiError extends Error {
    constructor(status, title, detail, violations = []) {
        super(detail ? `${title}: ${detail}` : title);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = violations;
    }
}

let authorization = null;
let userName = null;

export function signedInUser() {
    return userName;
}

/**
 * Checks the credentials with a harmless call before keeping them. 401 means wrong user or password; anything
 * else that fails is reported as it is.
 */
export async function signIn(user, password) {
    // btoa takes Latin-1 only; encode the pair as UTF-8 first, which Elytron expects for BASIC.
    const bytes = new TextEncoder().encode(`${user}:${password}`);
    const candidate = 'Basic ' + btoa(String.fromCharCode(...bytes));
    const response = await send('rooms/mine', {}, candidate);
    if (response.status === 401) {
        throw new ApiError(401, 'Sign-in failed', 'wrong user name or password');
    }
    await failUnlessOk(response);
    authorization = candidate;
    userName = user;
}

export function signOut() {
    authorization = null;
    userName = null;
}

/** JSON in, JSON out; resolves to {body, etag}. */
export async function call(path, {method = 'GET', json, body, headers = {}} = {}) {
    if (!authorization) {
        throw new ApiError(401, 'Not signed in');
    }
    const init = {method, headers: {...headers}};
    if (json !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(json);
    } else if (body !== undefined) {
        init.body = body;
    }
    const response = await send(path, init, authorization);
    await failUnlessOk(response);
    const type = response.headers.get('Content-Type') || '';
    return {
        body: type.includes('json') ? await response.json() : null,
        etag: response.headers.get('ETag'),
    };
}

/** A file's bytes. */
export async function download(fileId) {
    return bytes(`files/${encodeURIComponent(fileId)}`);
}

/** What the server answers at path, as bytes (a file, the store's export). */
export async function bytes(path) {
    if (!authorization) {
        throw new ApiError(401, 'Not signed in');
    }
    const response = await send(path, {headers: {Accept: '*/*'}}, authorization);
    await failUnlessOk(response);
    return response.blob();
}

/**
 * Reads a stream of server-sent events (text/event-stream) with the user's credentials, which the browser's own
 * EventSource cannot send: each complete event is handed to onEvent(name, id, data) with its data parsed as JSON.
 * Resolves when the server ends the stream; rejects when it fails, is refused, or signal aborts it.
 */
export async function events(path, onEvent, signal) {
    if (!authorization) {
        throw new ApiError(401, 'Not signed in');
    }
    const response = await fetch(new URL(path, BASE), {
        credentials: 'omit', signal, cache: 'no-store',
        headers: {Accept: 'text/event-stream', Authorization: authorization},
    });
    await failUnlessOk(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
        const {value, done} = await reader.read();
        if (done) {
            return;
        }
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message';
            let id = null;
            const data = [];
            for (const line of block.split('\n')) {
                const colon = line.indexOf(':');
                const field = colon < 0 ? line : line.slice(0, colon);
                const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                if (field === 'event') {
                    name = text;
                } else if (field === 'id') {
                    id = text;
                } else if (field === 'data') {
                    data.push(text);
                }
                // A line starting with ':' is a comment (the server's heartbeat).
            }
            if (data.length > 0) {
                onEvent(name, id, JSON.parse(data.join('\n')));
            }
        }
    }
}

function send(path, init, credentials) {
    // credentials 'omit': the Authorization header is ours to send, and a 401 must come back to this code
    // rather than make the browser open its own BASIC password dialog.
    return fetch(new URL(path, BASE), {
        ...init,
        credentials: 'omit',
        headers: {Accept: 'application/json', ...init.headers, Authorization: credentials},
    });
}

async function failUnlessOk(response) {
    if (response.ok) {
        return;
    }
    const type = response.headers.get('Content-Type') || '';
    if (type.startsWith('application/problem+json')) {
        const problem = await response.json();
        throw new ApiError(response.status, problem.title || `HTTP ${response.status}`, problem.detail,
            problem.violations || []);
    }
    throw new ApiError(response.status, `HTTP ${response.status}`, response.statusText);
}
