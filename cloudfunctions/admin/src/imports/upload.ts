import type { z } from 'zod';
import { COLLECTIONS } from '@/contracts/collections';
import type { importsInputs, UploadReceipt } from '@/contracts/admin-imports';
import { hash } from '@/domain/imports';
import type { ActionContext } from '@/server/handler';
import { AppError } from '@/server/errors';
import { db } from '@/server/cloud';
import { fetchAll } from '@/server/repositories/query';
import { importScope } from './scope';

type UploadInput = z.output<typeof importsInputs.importUpload>;

interface UploadPiece {
  _id: string;
  uploadId: string;
  by: string;
  index: number;
  total: number;
  piece: string;
  at: number;
}

/** Pieces older than this are dropped on the caller's next upload. */
const KEEP_MS = 24 * 3600_000;
// The caller is part of the id: nobody can overwrite (or read) another person's pieces.
const pieceId = (by: string, uploadId: string, index: number) => `upl-${hash(by)}-${uploadId}-${index}`;

const piecesOf = (by: string, uploadId: string) => fetchAll<UploadPiece>(COLLECTIONS.importUploads, { uploadId, by });

export async function importUpload(input: UploadInput, ctx: ActionContext): Promise<UploadReceipt> {
  const { user } = await importScope(ctx);
  const by = user._id;
  const stored = await piecesOf(by, input.uploadId);
  if (stored.some((p) => p.total !== input.total))
    throw new AppError('INVALID_INPUT', '分段总数（total）与之前上传的不一致，请重新上传整个文件', 'total');
  const piece: Omit<UploadPiece, '_id'> = {
    uploadId: input.uploadId,
    by,
    index: input.index,
    total: input.total,
    piece: input.piece,
    at: ctx.now,
  };
  await db()
    .collection(COLLECTIONS.importUploads)
    .doc(pieceId(by, input.uploadId, input.index))
    .set({ data: piece });
  if (input.index === 0) await dropStale(by, ctx.now);
  const indexes = new Set([...stored.map((p) => p.index), input.index]);
  return { uploadId: input.uploadId, received: indexes.size, total: input.total };
}

/** The whole file of an upload of the caller, or a clear error naming what is missing. */
export async function uploadedContent(by: string, uploadId: string): Promise<string> {
  const pieces = await piecesOf(by, uploadId);
  if (!pieces.length) throw new AppError('NOT_FOUND', '未找到该上传的文件（uploadId），请重新选择文件', 'uploadId');
  const total = pieces[0].total;
  const byIndex = new Map(pieces.map((p) => [p.index, p.piece]));
  if (byIndex.size < total)
    throw new AppError('INVALID_INPUT', `文件尚未上传完整（已收到${byIndex.size}/${total}段），请重新上传`, 'uploadId');
  return Array.from({ length: total }, (_, i) => byIndex.get(i)!).join('');
}

/** Best effort: an applied or abandoned upload is not kept (a failure here loses nothing acknowledged). */
export async function dropUpload(by: string, uploadId: string): Promise<void> {
  await quietly(() => db().collection(COLLECTIONS.importUploads).where({ uploadId, by }).remove());
}

async function dropStale(by: string, now: number): Promise<void> {
  const _ = db().command;
  await quietly(() =>
    db()
      .collection(COLLECTIONS.importUploads)
      .where({ by, at: _.lt(now - KEEP_MS) })
      .remove(),
  );
}

async function quietly(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch {
    // Leftover pieces only cost space; the next upload of the caller retries the cleanup.
  }
}
