import { createContext, useContext } from "react";

/** The per-request CSP nonce, so inline scripts Remix writes can run under a strict policy. */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);
