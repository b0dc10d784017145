// The sandbox page: a resident's phone on the left, the staff's sheet on the right.
// Talks only to the sandbox JSON API; live updates come from /api/events (SSE).
'use strict';

const $ = (id) => document.getElementById(id);
const state = {
	waId: localStorage.getItem('sandbox.waId') || '6281234567890',
	residents: [],
	sheet: null,
};

async function call(method, path, body) {
	const res = await fetch(path, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	const json = text ? JSON.parse(text) : null;
	if (!res.ok && res.status !== 503) throw new Error((json && json.error) || res.statusText);
	return json;
}

function el(tag, props = {}, ...children) {
	const node = document.createElement(tag);
	Object.assign(node, props);
	for (const child of children) if (child != null) node.append(child);
	return node;
}

const time = (iso) =>
	new Date(iso).toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' });

// ---- resident chat ----

async function loadResidents() {
	state.residents = await call('GET', '/api/residents');
	const select = $('resident');
	const ids = [...new Set([state.waId, ...state.residents])];
	select.replaceChildren(
		...ids.map((id) =>
			el('option', { value: id, textContent: `+${id}`, selected: id === state.waId }),
		),
	);
}

/** WhatsApp's own formatting: *bold* and _italic_, built as elements (never as HTML). */
function whatsAppText(text) {
	const box = el('div', {});
	for (const part of text.split(/(\*[^*\n]+\*|_[^_\n]+_)/)) {
		if (/^\*[^*]+\*$/.test(part)) box.append(el('b', { textContent: part.slice(1, -1) }));
		else if (/^_[^_]+_$/.test(part)) box.append(el('i', { textContent: part.slice(1, -1) }));
		else if (part) box.append(document.createTextNode(part));
	}
	return box;
}

function renderMessage(m) {
	const box = el('div', { className: `msg ${m.direction}` });
	if (m.header) box.append(el('div', { className: 'head', textContent: m.header }));
	if (m.image)
		box.append(
			el(
				'a',
				{ href: m.image.url, target: '_blank' },
				el('img', { src: m.image.url, alt: 'foto' }),
			),
		);
	if (m.document)
		box.append(
			el('a', {
				className: 'doc',
				href: m.document.url,
				target: '_blank',
				textContent: m.document.fileName,
			}),
		);
	if (m.document && m.document.signature) {
		const s = m.document.signature;
		box.append(
			el('div', {
				className: s.intact ? 'signed' : 'signed broken',
				textContent:
					(s.intact ? '✔ signed by ' : '✘ signature broken: signed by ') +
					s.signedBy +
					(s.signedAt ? ' · ' + new Date(s.signedAt).toLocaleString() : ''),
			}),
		);
	}
	if (m.text) box.append(whatsAppText(m.text));
	if (m.footer) box.append(el('div', { className: 'foot', textContent: m.footer }));
	box.append(
		el('span', {
			className: 'time',
			textContent: time(m.at) + (m.direction === 'in' ? (m.read ? ' ✓✓' : ' ✓') : ''),
		}),
	);
	if (m.buttons) {
		const choices = el('div', { className: 'choices' });
		for (const b of m.buttons)
			choices.append(
				el('button', {
					textContent: b.title,
					onclick: () => send({ reply: { id: b.id, title: b.title, type: 'button' } }),
				}),
			);
		box.append(choices);
	}
	if (m.list) {
		const choices = el('div', { className: 'choices' });
		choices.append(
			el('button', { textContent: `☰ ${m.list.button}`, onclick: () => openList(m) }),
		);
		box.append(choices);
	}
	return box;
}

async function loadChat() {
	const messages = await call('GET', `/api/residents/${state.waId}/messages`);
	const chat = $('chat');
	const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
	chat.replaceChildren(...messages.map(renderMessage));
	if (atBottom || messages.length) chat.scrollTop = chat.scrollHeight;
}

function openList(message) {
	$('list-title').textContent = message.list.button;
	const rows = $('list-rows');
	rows.replaceChildren();
	for (const section of message.list.sections) {
		if (section.title) rows.append(el('h4', { textContent: section.title }));
		for (const row of section.rows) {
			rows.append(
				el(
					'button',
					{
						className: 'list-row',
						onclick: () => {
							$('list-sheet').hidden = true;
							send({ reply: { id: row.id, title: row.title, type: 'list' } });
						},
					},
					row.title,
					row.description ? el('small', { textContent: row.description }) : null,
				),
			);
		}
	}
	$('list-sheet').hidden = false;
}

async function send(input) {
	try {
		const result = await call('POST', `/api/residents/${state.waId}/messages`, input);
		if (result.webhookStatus !== 200) console.warn('webhook', result);
	} catch (error) {
		alert(`Gagal mengirim: ${error.message}`);
	}
	await Promise.all([loadChat(), loadResidents()]);
}

function readFile(file) {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).split(',')[1]);
		reader.onerror = reject;
		reader.readAsDataURL(file);
	});
}

// ---- staff sheet ----

const isNote = (column) => /catatan|note|alasan/i.test(column);

function renderSheet(view, changedRow) {
	state.sheet = view;
	$('sheet-name').textContent = `tab: ${view.sheetName}`;
	const head = el(
		'tr',
		{},
		el('th', { className: 'num', textContent: '' }),
		...view.header.map((h) => el('th', { textContent: h })),
	);
	const rows = view.rows.map((row) => {
		const tr = el(
			'tr',
			{ className: row.rowNumber === changedRow ? 'flash' : '' },
			el('td', { className: 'num', textContent: row.rowNumber }),
		);
		for (const column of view.header) tr.append(renderCell(row, column, view.dropdowns[column]));
		return tr;
	});
	$('table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
	$('sheet-empty').hidden = view.rows.length > 0;
}

function renderCell(row, column, options) {
	const value = row.values[column] ?? '';
	if (options) {
		const select = el('select', {
			name: column,
			title: column,
			onchange: () => patch(row.rowNumber, { [column]: select.value }),
		});
		for (const option of new Set(['', ...options, value]))
			select.append(
				el('option', { value: option, textContent: option, selected: option === value }),
			);
		return el('td', { className: `status-${value}` }, select);
	}
	if (isNote(column)) {
		const td = el('td', { className: 'note', contentEditable: 'true', textContent: value });
		td.addEventListener('keydown', (e) => {
			if (e.key === 'Enter') {
				e.preventDefault();
				td.blur();
			}
		});
		td.addEventListener('blur', () => {
			if (td.textContent !== value) patch(row.rowNumber, { [column]: td.textContent });
		});
		return td;
	}
	if (/https?:\/\//.test(value)) {
		// "KTP: https://…" lines (the Dokumen column) become links named by their label.
		const links = value.split('\n').flatMap((line, i) => {
			const url = /(https?:\/\/\S+)/.exec(line)?.[1];
			const label = line.replace(url ?? '', '').replace(/[:\s]+$/, '') || `file ${i + 1}`;
			return url ? [el('a', { href: url, target: '_blank', textContent: label })] : [];
		});
		return el('td', { title: value }, el('div', { className: 'links' }, ...links));
	}
	// Long cells (Data, the application JSON) are clipped to a few lines; the tooltip has it all.
	return el('td', { title: value }, el('div', { className: 'clip', textContent: value }));
}

async function patch(rowNumber, change) {
	try {
		await call('PATCH', `/api/sheet/rows/${rowNumber}`, change);
	} catch (error) {
		alert(`Gagal menyimpan: ${error.message}`);
	}
	await loadSheet(rowNumber);
}

async function loadSheet(changedRow) {
	if (document.activeElement && document.activeElement.classList.contains('note')) return; // don't clobber typing
	renderSheet(await call('GET', '/api/sheet'), changedRow);
}

// ---- chrome ----

async function loadHealth() {
	const [health, config] = await Promise.all([
		call('GET', '/api/health'),
		call('GET', '/api/config'),
	]);
	const pill = $('health');
	pill.textContent = health.ok ? 'n8n ready' : health.reason;
	pill.classList.toggle('ok', health.ok);
	if (config.n8nUrl) Object.assign($('n8n-link'), { href: config.n8nUrl, hidden: false });
	if (document.activeElement !== $('provider')) $('provider').value = config.provider;
}

function listen() {
	const events = new EventSource('/api/events');
	events.onmessage = (e) => {
		const event = JSON.parse(e.data);
		if (event.kind === 'chat') {
			if (event.waId === state.waId) loadChat();
			if (!state.residents.includes(event.waId)) loadResidents();
		} else if (event.kind === 'sheet') loadSheet();
		else if (event.kind === 'reset') {
			loadChat();
			loadResidents();
			loadSheet();
		}
	};
}

$('composer').addEventListener('submit', (e) => {
	e.preventDefault();
	const text = $('text').value;
	if (!text.trim()) return;
	$('text').value = '';
	send({ text });
});
$('file').addEventListener('change', async () => {
	const file = $('file').files[0];
	if (!file) return;
	const media = {
		fileName: file.name,
		mimeType: file.type || 'application/octet-stream',
		dataBase64: await readFile(file),
	};
	$('file').value = '';
	send(file.type.startsWith('image/') ? { image: media } : { document: media });
});
$('resident').addEventListener('change', () => selectResident($('resident').value));
$('provider').addEventListener('change', async () => {
	await call('POST', '/api/provider', { provider: $('provider').value });
	loadHealth();
});
$('new-resident').addEventListener('click', () => {
	const input = prompt('Nomor WhatsApp warga (mis. 6281234567890):', '628');
	const waId = (input || '').replace(/\D/g, '').replace(/^0/, '62');
	if (waId.length >= 9) selectResident(waId);
});
$('list-close').addEventListener('click', () => {
	$('list-sheet').hidden = true;
});
$('reset').addEventListener('click', async () => {
	if (confirm('Reset the sandbox (chats, sheet rows, files, calls)?'))
		await call('POST', '/api/reset');
});

function selectResident(waId) {
	state.waId = waId;
	localStorage.setItem('sandbox.waId', waId);
	$('list-sheet').hidden = true;
	loadResidents();
	loadChat();
}

loadResidents();
loadChat();
loadSheet();
loadHealth();
setInterval(loadHealth, 5000);
listen();
