import test from 'ava'
import {fold} from '../pipeline/report/lib/fold.ts'

test('fold drops combining marks, lowercases and joins white space, the same on every call', (t) => {
  // The expressions are made once: each call must still fold from the start of its text.
  for (let round = 0; round < 3; round++) {
    t.is(fold('  CITTÀ  dell’Università\n\tperché '), 'citta dell’universita perche')
    t.is(fold('Città'), 'citta')
    t.is(fold('e\u0301\u0301 X'), 'e x')
  }
})
