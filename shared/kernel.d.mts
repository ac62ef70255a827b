export declare const KERNEL_NAME: string;
export declare const KERNEL_DISPLAY_NAME: string;
