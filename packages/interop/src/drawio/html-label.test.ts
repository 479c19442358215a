import { describe, expect, it } from 'vitest';
import { decodeEntities, labelLines, labelText } from './html-label';

describe('labelText', () => {
  it('takes the text of draw.io HTML labels, on one line', () => {
    expect(labelText('Change status to<div>In Process</div>', true)).toBe(
      'Change status to In Process',
    );
    expect(
      labelText('Material&nbsp;<div>quantities not&nbsp;</div><div>in stock?</div>', true),
    ).toBe('Material quantities not in stock?');
    expect(labelText('<font color="#23497d">Inside Sales Rep</font>', true)).toBe(
      'Inside Sales Rep',
    );
    expect(labelText('a<br>b<br/>c<BR />d', true)).toBe('a b c d');
    expect(labelText('<b>Bold</b> <!-- hidden --> and <span style="x">plain</span>', true)).toBe(
      'Bold and plain',
    );
  });

  it('decodes character references after the tags are gone, so escaped markup stays text', () => {
    expect(labelText('1 &lt; 2 &amp;&amp; 3 &gt; 2', true)).toBe('1 < 2 && 3 > 2');
    expect(labelText('&lt;div&gt;', true)).toBe('<div>');
  });

  it('takes a plain label as written, its line breaks as spaces', () => {
    expect(labelText('a <b> &amp;\n  c', false)).toBe('a <b> &amp; c');
  });
});

describe('labelLines', () => {
  it('keeps the lines of a label, trimmed, without blank ones', () => {
    expect(labelLines('<div>One</div><div><br></div><div>  Two </div>', true)).toEqual([
      'One',
      'Two',
    ]);
    expect(labelLines('One\n\nTwo', false)).toEqual(['One', 'Two']);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references, leaving unknown and invalid ones', () => {
    expect(decodeEntities('&eacute;&#233;&#xE9;&ndash;&hellip;')).toBe(
      '&eacute;ééн–…'.replace('н', ''),
    );
    expect(decodeEntities('&#0; &#xD800; &#x110000; &bogus;')).toBe(
      '&#0; &#xD800; &#x110000; &bogus;',
    );
  });
});
