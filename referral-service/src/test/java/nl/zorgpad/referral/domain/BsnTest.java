package nl.zorgpad.referral.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BsnTest {

    @Test
    void numbersPassingTheElevenCheckAreValid() {
        assertTrue(Bsn.isValid("111222333"));
        assertTrue(Bsn.isValid("123456782"));
        assertTrue(Bsn.isValid("999990019"));
    }

    @Test
    void anEightDigitNumberIsReadWithALeadingZero() {
        assertTrue(Bsn.isValid("12345672"));
        assertTrue(Bsn.isValid("012345672"));
    }

    @Test
    void numbersFailingTheElevenCheckAreInvalid() {
        assertFalse(Bsn.isValid("123456789"));
        assertFalse(Bsn.isValid("111222334"));
    }

    @Test
    void allZerosWrongLengthAndNonDigitsAreInvalid() {
        assertFalse(Bsn.isValid("000000000"));
        assertFalse(Bsn.isValid("1234567"));
        assertFalse(Bsn.isValid("1234567890"));
        assertFalse(Bsn.isValid("12345678a"));
        assertFalse(Bsn.isValid(""));
        assertFalse(Bsn.isValid(null));
    }
}
