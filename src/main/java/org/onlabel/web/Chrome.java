package org.onlabel.web;

/** What every page's frame shows: who is signed in (null when nobody), the CSRF token of its forms, where it is. */
public record Chrome(String user, String csrf, String here) {
    public boolean signedIn() {
        return user != null;
    }

    /** Sign-in comes back to the page it was asked from. */
    public String signInHref() {
        return "/signin?return=" + java.net.URLEncoder.encode(here, java.nio.charset.StandardCharsets.UTF_8);
    }
}
