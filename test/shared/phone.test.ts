import { describe, expect, it } from 'vitest';
import {
  formatPhoneNational,
  maskEmail,
  maskPhone,
  normalizeIndonesianPhone,
} from '../../shared/domain/phone';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 (0)812 3456 7890', '+6281234567890'],
    ['0811234567', '+62811234567'],
    ['(021) 2993 5577', '+622129935577'],
    ['+62 21 2993 5577', '+622129935577'],
    ['0751 123456', '+62751123456'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeIndonesianPhone(raw)).toBe(expected);
  });

  it.each([
    '',
    '12345',
    '0812',
    '08123',
    '0812345678901234',
    '+1 415 555 0100',
    '0012345678',
    '0800-1234',
    'nol delapan satu dua',
    '0812abc34567',
    '+62',
    '0912345678',
  ])('refuses %j', (raw) => {
    expect(normalizeIndonesianPhone(raw)).toBeNull();
  });
});

describe('display and masking', () => {
  it('formats mobiles in the national way', () => {
    expect(formatPhoneNational('+6281234567890')).toBe('0812-3456-7890');
  });

  it.each([
    ['+622129935577', '(021) 2993-5577'], // Jakarta: 2-digit area code, 8-digit number
    ['+62222501234', '(022) 250-1234'], // Bandung: 7-digit number
    ['+62751123456', '(0751) 123-456'], // Padang: 3-digit area code, 6-digit number
    ['+622744567890', '(0274) 456-7890'], // Yogyakarta
    ['+623617654321', '(0361) 765-4321'], // Denpasar
    ['+62614567890', '(061) 456-7890'], // Medan
  ])('formats the landline %s with its area code as %s', (e164, expected) => {
    expect(formatPhoneNational(e164)).toBe(expected);
  });

  it('hides the middle of a phone number but keeps enough to recognise it', () => {
    expect(maskPhone('+6281234567890')).toBe('0812•••••890');
    expect(maskPhone('+62811234567')).toBe('0811•••567');
    expect(maskPhone('+6281234567890')).not.toContain('3456');
  });

  it('hides most of an email address', () => {
    expect(maskEmail('budi.santoso@example.co.id')).toBe('b•••@e•••.id');
    expect(maskEmail('x@y')).toBe('x•••@y•••');
    expect(maskEmail('not-an-email')).toBe('•••');
  });
});
