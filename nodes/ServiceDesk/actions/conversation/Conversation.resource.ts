import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../n8nHelpers/itemLoop';
import * as applyChange from './applyChange.operation';
import * as draftReminder from './draftReminder.operation';
import * as handleMessage from './handleMessage.operation';
import * as notify from './notify.operation';
import * as readKtp from './readKtp.operation';
import * as reopen from './reopen.operation';
import * as resumeBot from './resumeBot.operation';
import * as routeSavedStep from './routeSavedStep.operation';
import * as takeStep from './takeStep.operation';

export const operations: Record<string, Operation> = {
	applyChange,
	draftReminder,
	handleMessage,
	notify,
	readKtp,
	reopen,
	resumeBot,
	routeSavedStep,
	takeStep,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Apply Change',
				value: 'applyChange',
				action: 'Apply one change to a stored session',
				description:
					'Take Step, Reopen for Fix, Invite to Survey or Resume Bot, chosen by the item: the new session and the version to save it as',
			},
			{
				name: 'Draft Reminder',
				value: 'draftReminder',
				action: 'Remind a resident of a waiting draft',
				description:
					'A stored session whose request draft waited half its time: the one reminder to send, and the session to save first',
			},
			{
				name: 'Handle Message',
				value: 'handleMessage',
				action: 'Handle one incoming message',
				description:
					"Advance the resident's conversation by one message: session in, replies and events out",
			},
			{
				name: 'Notify Resident',
				value: 'notify',
				action: 'Compose a notice for a resident',
				description: 'Letter approved, request rejected or fix requested, from the catalog texts',
			},
			{
				name: 'Read KTP Photo',
				value: 'readKtp',
				action: 'Read the fields of a KTP photo',
				description:
					'OCR on this server (bundled Tesseract with Indonesian data): the NIK, name, birth, address and other fields read, for the resident to confirm',
			},
			{
				name: 'Reopen for Fix',
				value: 'reopen',
				action: 'Reopen a request for a fix',
				description: 'Staff asked for a correction: ask the resident again, keeping the ticket',
			},
			{
				name: 'Resume Bot',
				value: 'resumeBot',
				action: 'Let the bot answer a resident again',
				description: 'Staff finished talking with a resident: end the hand-off and tell them',
			},
			{
				name: 'Route Saved Step',
				value: 'routeSavedStep',
				action: 'Route a saved conversation step',
				description:
					'After "Take Step" was saved: its replies and events, each on its own output (the outputs of Handle Message)',
			},
			{
				name: 'Take Step',
				value: 'takeStep',
				action: 'Take one conversation step to save',
				description:
					'Handle Message without sending anything: the new session and the version to save it as; route it after the save',
			},
		],
		default: 'handleMessage',
	},
	...applyChange.description,
	...draftReminder.description,
	...handleMessage.description,
	...notify.description,
	...readKtp.description,
	...reopen.description,
	...resumeBot.description,
	...routeSavedStep.description,
	...takeStep.description,
];
