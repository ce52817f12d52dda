import { describe, expect, it } from 'vitest';
import { likelyDocumentKind, type DocumentKind } from '../../shared/domain/case';
import type { StoredVisitorType } from '../../shared/domain/visitor-types';

const view = (
  type: StoredVisitorType | null,
  missing: DocumentKind[] = [],
  attached: DocumentKind[] = [],
) => ({
  missingDocuments: missing,
  reporter: { type },
  form: { spseRole: type ?? '' },
  attachments: attached.map((kind) => ({ kind })),
});

describe('the kind preselected for a new document', () => {
  it("takes a provider's PDF or scan as the business licence while none is attached, category or not", () => {
    expect(likelyDocumentKind(view('penyedia'), 'pdf')).toBe('business_licence');
    expect(likelyDocumentKind(view('penyedia'), 'scan')).toBe('business_licence');
    expect(likelyDocumentKind(view('penyedia', [], ['business_licence']), 'pdf')).toBe('other');
    expect(likelyDocumentKind(view('penyedia'), 'image')).toBe('screenshot');
  });

  it('takes the missing required kind that fits the document first', () => {
    expect(likelyDocumentKind(view('penyedia', ['business_licence', 'screenshot']), 'image')).toBe(
      'screenshot',
    );
    expect(likelyDocumentKind(view('ppk', ['screenshot']), 'pdf')).toBe('screenshot');
    expect(likelyDocumentKind(view('ppk'), 'pdf')).toBe('other');
    expect(likelyDocumentKind(view(null), 'scan')).toBe('other');
  });
});
