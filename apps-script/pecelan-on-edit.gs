/**
 * Pecelan: tells n8n at once when staff edit the office's Google Sheet, so a decision reaches
 * the resident in seconds instead of at the next poll.
 *
 * Install (README, "Decisions in seconds"): Extensions → Apps Script, paste this file, set the
 * script properties PECELAN_WEBHOOK_URL (the Sheet Edit Trigger's production URL) and
 * PECELAN_SHARED_SECRET (the same secret as n8n's "Pecelan Sheet Edit Secret" credential), then
 * Triggers → Add Trigger → pecelanOnEdit, From spreadsheet, On edit.
 *
 * It posts only the edited rows' ticket and status (no names, no NIK), signed with HMAC-SHA256
 * over the exact body in the X-Pecelan-Signature header; n8n refuses anything else. The body holds
 * the time it is signed ("editedAt"): n8n refuses a call signed more than 5 minutes before it
 * arrives (or more than a minute ahead of n8n's clock), so a recorded call cannot be replayed.
 */

/** The installable "On edit" trigger's function. */
function pecelanOnEdit(e) {
  var props = PropertiesService.getScriptProperties();
  var url = props.getProperty('PECELAN_WEBHOOK_URL');
  var secret = props.getProperty('PECELAN_SHARED_SECRET');
  if (!url || !secret) {
    throw new Error(
      'Pecelan: set the script properties PECELAN_WEBHOOK_URL and PECELAN_SHARED_SECRET ' +
        '(Project Settings → Script properties).'
    );
  }
  // Stamped with the time it is signed, just before signing.
  var body = pecelanEditBody_(e, new Date());
  if (!body) return;
  var signature = Utilities.computeHmacSha256Signature(body, secret);
  var response = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: { 'X-Pecelan-Signature': 'sha256=' + pecelanHex_(signature) },
    muteHttpExceptions: true,
  });
  // Shown in Apps Script's Executions list: the poll (the safety net) still finds the row.
  if (response.getResponseCode() >= 300) {
    console.warn('Pecelan: n8n answered ' + response.getResponseCode() + ': ' + response.getContentText());
  }
}

/**
 * The JSON the script posts: the edited rows' ticket and status and the time it is signed
 * (`signedAt`), or null for the header row.
 */
function pecelanEditBody_(e, signedAt) {
  var range = e.range;
  var sheet = range.getSheet();
  var first = Math.max(2, range.getRow());
  var last = range.getLastRow();
  if (last < first) return null;
  var width = sheet.getLastColumn();
  var header = sheet.getRange(1, 1, 1, width).getDisplayValues()[0];
  var ticketAt = header.indexOf('Tiket');
  var statusAt = header.indexOf('Status');
  var values = sheet.getRange(first, 1, last - first + 1, width).getDisplayValues();
  var rows = [];
  for (var i = 0; i < values.length; i++) {
    rows.push({
      row: first + i,
      ticket: ticketAt >= 0 ? String(values[i][ticketAt]) : '',
      status: statusAt >= 0 ? String(values[i][statusAt]) : '',
    });
  }
  return JSON.stringify({
    spreadsheetId: e.source.getId(),
    sheetName: sheet.getName(),
    column: header[range.getColumn() - 1] || '',
    rows: rows,
    editedAt: signedAt.toISOString(),
  });
}

/** Apps Script's HMAC gives signed bytes (-128..127): lower-case hex, two digits each. */
function pecelanHex_(bytes) {
  var hex = '';
  for (var i = 0; i < bytes.length; i++) hex += ('0' + (bytes[i] & 0xff).toString(16)).slice(-2);
  return hex;
}
