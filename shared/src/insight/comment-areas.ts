/**
 * The observer writes one comment for each area the agent can influence (domain.md, "The
 * questionnaire"): reception, agent and overall impression. RESPONSE_TIME has no comment.
 */
export const COMMENT_AREAS = ['RECEPTION', 'AGENT', 'OVERALL'] as const;
export type CommentArea = (typeof COMMENT_AREAS)[number];

/** The comment of each area, as the responses carry them (`comments { reception agent overall }`). */
export const COMMENT_OF_AREA = { RECEPTION: 'reception', AGENT: 'agent', OVERALL: 'overall' } as const satisfies Record<
  CommentArea,
  'reception' | 'agent' | 'overall'
>;
