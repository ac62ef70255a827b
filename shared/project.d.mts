export declare const siteUrl: string;
export declare const basePath: string;
export declare const repoUrl: string;
export declare const repoBranch: string;
export declare const publishedBase: string;
export declare const devToolbar: boolean;
