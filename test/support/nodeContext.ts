/** A small fake of n8n's IExecuteFunctions with exactly what the Letter PDF node calls. */
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const node = {
	id: 'letter-1',
	name: 'Letter PDF',
	type: 'n8n-nodes-pecelan.letterPdf',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

export function executeContext(
	params: IDataObject,
	items: INodeExecutionData[],
	continueOnFail = false,
	onError?: 'continueRegularOutput' | 'continueErrorOutput',
): IExecuteFunctions {
	const ctx = {
		getNode: () => ({ ...node, onError }),
		getInputData: () => items,
		getTimezone: () => 'Asia/Jakarta',
		continueOnFail: () => continueOnFail,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in params ? params[name] : fallback,
		helpers: {
			assertBinaryData: (i: number, prop: string) => {
				const data = items[i].binary?.[prop];
				if (!data)
					throw new NodeOperationError(node, `No binary data property "${prop}" exists on item!`, {
						itemIndex: i,
					});
				return data;
			},
			getBinaryDataBuffer: async (i: number, prop: string) =>
				Buffer.from(items[i].binary![prop].data, 'base64'),
			prepareBinaryData: async (
				data: Buffer,
				fileName: string,
				mimeType: string,
			): Promise<IBinaryData> => ({
				data: data.toString('base64'),
				fileName,
				mimeType,
				fileExtension: 'pdf',
				fileSize: `${data.length} B`,
			}),
		},
	};
	return ctx as unknown as IExecuteFunctions;
}
