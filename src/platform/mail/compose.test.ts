import { describe, expect, it } from 'vitest';
import { composeMail, messageIdFor } from './compose.js';

describe('composing a mail', () => {
  it('adds an HTML part in the recipient’s language and direction, with the links made links', () => {
    const mail = composeMail({
      lang: 'ar',
      subject: 'إعادة تعيين كلمة المرور',
      text: 'مرحبا أمينة،\nافتح الرابط: https://dcp.example/reset-password/confirm?token=a_b-c.\n\nشكرا',
    });
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('<title>إعادة تعيين كلمة المرور</title>');
    // The trailing full stop stays outside the link; the address is shown, left to right.
    expect(mail.html).toContain(
      '<a href="https://dcp.example/reset-password/confirm?token=a_b-c" dir="ltr" style="color:#1d70b8;text-decoration:underline;word-break:break-all">https://dcp.example/reset-password/confirm?token=a_b-c</a>.',
    );
    expect(mail.html.match(/<p /g)).toHaveLength(2);
    expect(mail.html).toContain('مرحبا أمينة،<br>');
    expect(mail.html).not.toMatch(/<img|<table|<script/);
    expect(mail.text).toBe('مرحبا أمينة،\nافتح الرابط: https://dcp.example/reset-password/confirm?token=a_b-c.\n\nشكرا\n');
  });

  it('ends a link before the isolate that sets a left-to-right address apart in Arabic text', () => {
    const mail = composeMail({ lang: 'ar', subject: 's', text: 'افتح الرابط: \u2068https://dcp.example/confirm?token=abc\u2069 اليوم' });
    expect(mail.html).toContain('<a href="https://dcp.example/confirm?token=abc" dir="ltr"');
    expect(mail.html).toContain('>https://dcp.example/confirm?token=abc</a>\u2069 اليوم');
  });

  it('escapes whatever a name or organisation brings into the HTML part', () => {
    const mail = composeMail({ lang: 'en', subject: 'Join <Org> & "Co"', text: 'Hello <script>alert(1)</script> & welcome' });
    expect(mail.html).toContain('<title>Join &lt;Org&gt; &amp; &quot;Co&quot;</title>');
    expect(mail.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; welcome');
    expect(mail.html).not.toContain('<script>');
  });

  it('does not make a link of a quoted address that would break out of the attribute', () => {
    const mail = composeMail({ lang: 'fr', subject: 's', text: 'Voir http://x.example/"onmouseover="alert(1)' });
    expect(mail.html).toContain('<a href="http://x.example/"');
    expect(mail.html).not.toContain('onmouseover="alert');
  });

  it('gives a Message-ID on the sender’s domain, else the public URL’s, else localhost', () => {
    expect(messageIdFor('m1', { mailFrom: 'DCP <no-reply@dcp.example>', publicUrl: undefined })).toBe('<m1@dcp.example>');
    expect(messageIdFor('m1', { mailFrom: 'no-reply@un.org', publicUrl: undefined })).toBe('<m1@un.org>');
    expect(messageIdFor('m1', { mailFrom: 'DCP', publicUrl: 'https://dcp.example.org/' })).toBe('<m1@dcp.example.org>');
    expect(messageIdFor('m1', { mailFrom: 'DCP', publicUrl: undefined })).toBe('<m1@localhost>');
  });
});
