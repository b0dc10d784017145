import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Gateway } from '../../providers/gateway';
import { sendFile, sendFileProperties } from './sendFile';

export const description: INodeProperties[] = sendFileProperties('sendImage', 'image');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	gateway: Gateway,
): Promise<INodeExecutionData> {
	return await sendFile(this, itemIndex, gateway, 'image');
}
