import type { ProcessDoc } from '@procmap/doc';
import { useEffect, useSyncExternalStore } from 'react';
import { openCommentsByTarget } from './comment-list';
import { useCommentMarks } from './comment-marks';

/** Keeps the canvas markers (open comments per step or flow) in step with the document. */
export function useCommentMarksSync(doc: ProcessDoc): void {
  const snapshot = useSyncExternalStore(doc.subscribe, doc.getSnapshot);
  const comments = snapshot.comments;
  useEffect(() => {
    useCommentMarks.setState({ marks: openCommentsByTarget(comments ?? []) });
  }, [comments]);
  useEffect(() => () => useCommentMarks.setState({ marks: new Map() }), []);
}
