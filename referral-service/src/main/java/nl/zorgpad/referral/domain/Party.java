package nl.zorgpad.referral.domain;

/** Which side of a referral an actor is on. */
public enum Party {
    /** The referring practice (a midwife or its practice software). */
    REFERRER,
    /** The partner organisation the referral is addressed to. */
    RECEIVER
}
