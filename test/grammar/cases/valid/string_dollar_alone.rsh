"cost: $ 5"
