import { describe, expect, it } from 'vitest';
import { findMojibake, repairMojibake } from '../../src/text/mojibake.ts';

describe('repairMojibake', () => {
  it.each([
    ['Mac Roman arrow', 'worker ‚Üí NATS', 'worker → NATS'],
    ['Mac Roman emoji with variation selector', '‚ö†Ô∏è Planned', '⚠️ Planned'],
    ['Mac Roman check mark', '‚úÖ Active', '✅ Active'],
    ['Mac Roman Chinese console text', '"‰ªòË¥πÊ®°Âºè‰∏éÂÆûÈôÖÂÆû‰æã‰∏ç‰∏ÄËá¥"', '"付费模式与实际实例不一致"'],
    ['Mac Roman keycap', '#3Ô∏è‚É£-azure', '#3️⃣-azure'],
    ['Windows-1252 arrow', 'worker â†’ NATS', 'worker → NATS'],
    ['Windows-1252 accent', 'cafÃ©', 'café'],
  ])('restores %s', (_, broken, original) => {
    expect(repairMojibake(broken)).toBe(original);
  });

  it('leaves correct text alone, including accents, CJK, arrows and typographic quotes', () => {
    const clean = 'Café → naïve “quotes” – dash ’ 付费模式 ✅ ⚠️ 3️⃣ Ü ö';
    expect(findMojibake(clean)).toEqual([]);
    expect(repairMojibake(clean)).toBe(clean);
  });
});
