// miniprogram-simulate runs Taro-compiled components; Taro's runtime asks for the current page stack.
global.getCurrentPages = () => [{ route: 'pages/lookup/index', options: {} }];
